# shellcheck shell=bash
# A throw-away single-node Slurm cluster on this machine and a corpus built from samples/,
# for test-slurm.sh and bench-slurm.sh. Source this file (bash); it defines functions and
# starts nothing by itself.
#
#   cluster_install          apt-get installs slurm-wlm and munge when they are missing
#   cluster_start DIR        munged, slurmctld and slurmd with all state, sockets, logs and
#                            spool under DIR (ports from SLURM_TEST_PORT, default 16817/16818)
#   slurm CMD...             runs a Slurm client (sbatch, squeue, ...) against that cluster
#   cluster_wait_job ID SECS waits until job ID (all its array tasks) has left the queue
#   cluster_stop             cancels every job, stops the daemons it started and every process
#                            of its jobs; safe to call twice and from an EXIT trap
#   make_corpus DIR COPIES SAMPLES
#                            COPIES copies of each sample, each with its own content hash
#
# Nothing outside DIR is written (beyond the packages): no /etc/slurm, no /run/munge, no
# systemd units. The daemons run in the foreground as children of the calling shell, so
# their process ids are known and only they are stopped. Every process of the cluster (the
# daemons, slurmstepd and the jobs) carries PROTOKOLL_TEST_CLUSTER=DIR in its environment,
# which is how cluster_stop finds job processes that outlived a killed slurmd.

cluster_dir=""
cluster_pids=()
munged_pid=""

cluster_log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }

cluster_install() {
    local missing=()
    command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null \
        || missing+=(slurm-wlm)
    command -v munged >/dev/null || missing+=(munge)
    ((${#missing[@]} == 0)) && return 0
    cluster_log "installing ${missing[*]}"
    # Debian's maintainer scripts would start the packaged daemons (with /etc/slurm and
    # /run/munge); a policy-rc.d that says no keeps them stopped. Removed again if we made it.
    local made_policy=""
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=yes
    fi
    local status=0
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}" || status=$?
    [[ -n $made_policy ]] && rm -f /usr/sbin/policy-rc.d
    return "$status"
}

slurm() { SLURM_CONF="$cluster_dir/slurm.conf" PROTOKOLL_TEST_CLUSTER="$cluster_dir" "$@"; }

# Fails when something already listens on 127.0.0.1:PORT.
cluster_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cluster_start() {
    cluster_dir=$1
    local port=${SLURM_TEST_PORT:-16817}
    local node
    for p in "$port" "$((port + 1))"; do
        cluster_port_free "$p" || { cluster_log "port $p is in use; set SLURM_TEST_PORT"; return 1; }
    done
    mkdir -p "$cluster_dir"/{munge,state,spool,log}
    # munged refuses a socket directory others can write to; slurmstepd runs as root too.
    chmod 711 "$cluster_dir" "$cluster_dir/munge"

    if command -v mungekey >/dev/null; then
        mungekey --create --keyfile="$cluster_dir/munge/munge.key"
    else
        dd if=/dev/urandom of="$cluster_dir/munge/munge.key" bs=1024 count=1 status=none
    fi
    chmod 400 "$cluster_dir/munge/munge.key"
    local socket="$cluster_dir/munge/munge.socket"
    PROTOKOLL_TEST_CLUSTER="$cluster_dir" munged --foreground --force --socket="$socket" \
        --key-file="$cluster_dir/munge/munge.key" --pid-file="$cluster_dir/munge/munged.pid" \
        --log-file="$cluster_dir/log/munged.log" --seed-file="$cluster_dir/munge/munged.seed" \
        >>"$cluster_dir/log/munged.out" 2>&1 &
    munged_pid=$!
    cluster_until 20 munge -n -S "$socket" || { cluster_log "munged did not start"; return 1; }

    # The node as slurmd sees it (CPUs, sockets, cores, memory), minus the uptime field.
    node=$(slurmd -C | sed -n 's/ UpTime=.*//; /^NodeName=/p')
    cat >"$cluster_dir/slurm.conf" <<EOF
# Single-node test cluster written by deploy/slurm/local-cluster.sh; removed after the test.
ClusterName=protokolltest
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$cluster_dir/state
SlurmdSpoolDir=$cluster_dir/spool
SlurmctldPidFile=$cluster_dir/slurmctld.pid
SlurmdPidFile=$cluster_dir/slurmd.pid
SlurmctldLogFile=$cluster_dir/log/slurmctld.log
SlurmdLogFile=$cluster_dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MailProg=/bin/true
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
    # Plain commands (not the slurm function), so $! is the daemon itself.
    SLURM_CONF="$cluster_dir/slurm.conf" PROTOKOLL_TEST_CLUSTER="$cluster_dir" \
        slurmctld -D -f "$cluster_dir/slurm.conf" >>"$cluster_dir/log/slurmctld.out" 2>&1 &
    cluster_pids+=($!)
    cluster_until 30 slurm scontrol ping || { cluster_log "slurmctld did not start"; return 1; }
    SLURM_CONF="$cluster_dir/slurm.conf" PROTOKOLL_TEST_CLUSTER="$cluster_dir" \
        slurmd -D -f "$cluster_dir/slurm.conf" >>"$cluster_dir/log/slurmd.out" 2>&1 &
    cluster_pids+=($!)
    cluster_until 30 cluster_node_idle || { cluster_log "slurmd did not register"; return 1; }
    cluster_log "cluster up: $node"
}

cluster_node_idle() { [[ $(slurm sinfo -h -o %T 2>/dev/null) == idle ]]; }

# cluster_until SECS CMD...: retries CMD every 0.5 s until it succeeds or SECS pass.
cluster_until() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
}

cluster_job_gone() { [[ -z $(slurm squeue -h -j "$1" -o %i 2>/dev/null) ]]; }

cluster_wait_job() {
    cluster_until "$2" cluster_job_gone "$1" || {
        cluster_log "job $1 still queued after $2 s"
        slurm squeue >&2 || true
        return 1
    }
}

# Process ids whose environment names this cluster (jobs, slurmstepd), but not this shell
# and not munged (stopped last).
cluster_marked_pids() {
    local file pid
    for file in /proc/[0-9]*/environ; do
        pid=${file#/proc/}
        pid=${pid%/environ}
        [[ $pid == "$$" || $pid == "$BASHPID" || $pid == "$munged_pid" ]] && continue
        { tr '\0' '\n' <"$file"; } 2>/dev/null | grep -qxF "PROTOKOLL_TEST_CLUSTER=$cluster_dir" && echo "$pid"
    done
    return 0
}

# cluster_kill_wait SECS PID...: SIGTERM, then SIGKILL for whatever is left after SECS.
cluster_kill_wait() {
    local seconds=$1 pid
    shift
    (($# == 0)) && return 0
    kill -TERM "$@" 2>/dev/null || true
    local deadline=$((SECONDS + seconds))
    for pid in "$@"; do
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}

cluster_stop() {
    [[ -n $cluster_dir ]] || return 0
    if ((${#cluster_pids[@]} > 0)); then
        slurm scancel --quiet --user=root 2>/dev/null || true
        cluster_until 30 cluster_queue_empty || cluster_log "jobs still queued at shutdown"
        cluster_kill_wait 10 "${cluster_pids[@]}"
        cluster_pids=()
    fi
    # Job steps whose slurmd is gone: their slurmstepd and the job's processes.
    local stray
    stray=$(cluster_marked_pids)
    if [[ -n $stray ]]; then
        # shellcheck disable=SC2086
        cluster_log "stopping leftover processes: $(ps -o pid=,comm= -p "$(echo $stray | tr ' ' ,)" | xargs)"
        # shellcheck disable=SC2086
        cluster_kill_wait 5 $stray
    fi
    if [[ -n $munged_pid ]]; then
        cluster_kill_wait 5 "$munged_pid"
        munged_pid=""
    fi
    cluster_dir=""
}

cluster_queue_empty() { [[ -z $(slurm squeue -h -o %i 2>/dev/null) ]]; }

# make_corpus DIR COPIES SAMPLES: COPIES copies of every .pdf and .docx in SAMPLES, spread over
# twenty year folders, each copy with content of its own (so copies spread over the shards
# as distinct protocols do): a PDF gets a comment line after %%EOF, a DOCX a ZIP archive
# comment (the last two bytes of a comment-less end-of-central-directory record are the
# comment length). Both readers ignore them; only the content hash changes.
make_corpus() {
    local dir=$1 copies=$2 samples=$3 i sample name copy
    for ((i = 0; i < copies; i++)); do
        mkdir -p "$dir/$((2006 + i % 20))"
        for sample in "$samples"/*.pdf "$samples"/*.docx; do
            [[ -f $sample ]] || continue
            name=${sample##*/}
            copy="$dir/$((2006 + i % 20))/${name%.*}-$i.${name##*.}"
            case $copy in
            *.pdf)
                cp "$sample" "$copy"
                printf '%% protokoll copy %d\n' "$i" >>"$copy"
                ;;
            *.docx)
                [[ $(tail -c 22 "$sample" | head -c 4 | od -An -tx1 | tr -d ' ') == 504b0506 ]] \
                    || { cluster_log "$sample: ZIP has an archive comment already"; return 1; }
                head -c -2 "$sample" >"$copy"
                printf '\x08\x00%08d' "$i" >>"$copy"
                ;;
            esac
        done
    done
}
