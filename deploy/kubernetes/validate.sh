#!/usr/bin/env bash
# Checks deploy/kubernetes/*.yaml offline: against the Kubernetes API schemas bundled with
# kubernetes-validate (PyPI; installed when missing), strictly (unknown fields are errors),
# for the oldest release the manifests target (1.33, where backoffLimitPerIndex is GA) and
# for the newest the tool knows; then that the Jobs and the protokoll arguments agree.
#
#   validate.sh [SHARD_JOB.yaml [MERGE_JOB.yaml]]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
job=${1:-$here/protokoll-job.yaml}
merge=${2:-$here/protokoll-merge-job.yaml}

if ! command -v kubernetes-validate >/dev/null; then
    echo "validate.sh: installing kubernetes-validate" >&2
    python3 -m pip install --quiet --disable-pip-version-check 'kubernetes-validate>=1.33'
fi
for version in 1.33.0 ""; do
    kubernetes-validate --strict --quiet ${version:+--kubernetes-version "$version"} "$job" "$merge"
done

# What the schema cannot see: the Jobs and the runner's arguments must describe one split.
python3 - "$job" "$merge" <<'EOF'
import sys, yaml

def load(path):
    return [d for d in yaml.safe_load_all(open(path)) if d]

job = next(d for d in load(sys.argv[1]) if d["kind"] == "Job")
spec = job["spec"]
pod = spec["template"]["spec"]
container = next(c for c in pod["containers"] if c["name"] == "protokoll")
args = container["args"]

def value(arguments, flag):
    return arguments[arguments.index(flag) + 1] if flag in arguments else None

problems = []
if spec.get("completionMode") != "Indexed":
    problems.append("completionMode must be Indexed")
if str(spec["completions"]) != value(args, "--shard-count"):
    problems.append(f"completions {spec['completions']} != --shard-count {value(args, '--shard-count')}")
if "$(SHARD_INDEX)" not in (value(args, "--output") or ""):
    problems.append("--output must contain $(SHARD_INDEX): one output directory per index")
env = {e["name"]: e for e in container.get("env", [])}
ref = env.get("SHARD_INDEX", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath", "")
if "batch.kubernetes.io/job-completion-index" not in ref:
    problems.append("SHARD_INDEX must come from the job-completion-index annotation")
if pod.get("restartPolicy") != "Never" or "backoffLimitPerIndex" not in spec:
    problems.append("backoffLimitPerIndex needs restartPolicy: Never")
rules = spec.get("podFailurePolicy", {}).get("rules", [])
if not any(r["action"] == "FailIndex" and 65 in r.get("onExitCodes", {}).get("values", []) for r in rules):
    problems.append("podFailurePolicy must fail the index without retry on exit code 65")
for rule in rules:
    codes = rule.get("onExitCodes")
    if codes and codes.get("containerName", "protokoll") != "protokoll":
        problems.append(f"rule {rule['action']} names container {codes['containerName']}")
cpu = str(container["resources"]["requests"]["cpu"])
if cpu != value(args, "--jobs"):
    problems.append(f"--jobs {value(args, '--jobs')} != requested cpu {cpu}")
mounts = {m["name"]: m for m in container["volumeMounts"]}
volumes = {v["name"]: v for v in pod["volumes"]}
if not mounts["archive"].get("readOnly") or not volumes["archive"]["persistentVolumeClaim"].get("readOnly"):
    problems.append("the archive volume must be mounted read-only")
out = mounts["output"]["mountPath"]
if not (value(args, "--output") or "").startswith(out + "/"):
    problems.append("--output must be on the output volume")

merge = next(d for d in load(sys.argv[2]) if d["kind"] == "Job")
merge_pod = merge["spec"]["template"]["spec"]
command = merge_pod["containers"][0]["command"]
if value(command, "--shards") != str(spec["completions"]):
    problems.append(f"merge --shards {value(command, '--shards')} != completions {spec['completions']}")
claims = {v["name"]: v.get("persistentVolumeClaim", {}).get("claimName") for v in merge_pod["volumes"]}
merge_out = {m["name"]: m["mountPath"] for m in merge_pod["containers"][0]["volumeMounts"]}.get("output")
if claims.get("output") != volumes["output"]["persistentVolumeClaim"]["claimName"] or merge_out != out:
    problems.append("the merge Job must mount the shard Job's output claim at the same path")
if out not in command:
    problems.append(f"the merge Job must read the shards from {out}")

for problem in problems:
    print(f"validate.sh: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
echo "validate.sh: ${job##*/} and ${merge##*/} are valid (Kubernetes 1.33 and newest, strict) and consistent" >&2
