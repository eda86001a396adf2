/// The style sheet and script every report carries inline: a report is one file that must
/// open from disk, offline, so nothing is loaded from anywhere (the page's
/// Content-Security-Policy forbids it too).
enum ReportAssets {
    /// The Content-Security-Policy of every page: images only as data URIs, inline style and
    /// script only, no fetches. A report that tried to load anything would fail visibly in
    /// the browser's console instead of quietly needing the network.
    static let contentSecurityPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

    /// The style sheet: the fixed rules plus one colour rule per overlay kind.
    static var css: String {
        var out = baseCSS
        for kind in OverlayKind.allCases {
            let (red, green, blue) = rgb(kind.color)
            out +=
                ".k-\(kind.rawValue){--c:\(kind.color);--f:rgba(\(red),\(green),\(blue),.13);"
                + "--h:rgba(\(red),\(green),\(blue),.38)}\n"
            out += ".hide-\(kind.rawValue) .ov.k-\(kind.rawValue),.hide-\(kind.rawValue) .pin.k-\(kind.rawValue)"
            out += "{display:none}\n"
            out += ".hide-\(kind.rawValue) .seg.k-\(kind.rawValue){background:none;border-bottom-color:transparent}\n"
        }
        return out
    }

    private static func rgb(_ hex: String) -> (Int, Int, Int) {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    private static let baseCSS = """
        :root{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;background:#e9ecef}
        body{margin:0}
        header.top{padding:10px 16px;background:#fff;border-bottom:1px solid #ccc}
        header.top h1{font-size:18px;margin:0 0 4px}
        header.top p{margin:2px 0}
        .status-bad{color:#b00000;font-weight:bold}
        .legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:6px 0}
        .legend label{cursor:pointer;white-space:nowrap}
        .sw{display:inline-block;width:11px;height:11px;border:2px solid var(--c);background:var(--f);
        vertical-align:-2px;margin-right:5px}
        .docissues{margin:4px 0;padding-left:18px;color:#b00000}
        main{display:grid;grid-template-columns:auto minmax(340px,1fr);align-items:start}
        .pages,.flow{padding:12px 16px;min-width:0}
        .pg{margin:0 0 18px}
        .pg figcaption{font-size:12px;color:#555;margin-bottom:3px}
        .sheet{position:relative;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.35);content-visibility:auto}
        .sheet img{position:absolute;left:0;top:0;width:100%;height:100%;user-select:none}
        .blank{padding:40px;color:#888}
        .ov{position:absolute;box-sizing:border-box;border:1.5px solid var(--c);background:var(--f);cursor:pointer}
        .ov.list{border-style:dashed;background:none}
        .ov:hover,.ov.hl{background:var(--h);outline:2px solid var(--c);outline-offset:1px;z-index:5}
        .ov.k-furniture::after{content:"";position:absolute;left:-3px;right:-3px;top:50%;border-top:2px solid var(--c)}
        .tag{position:absolute;left:-1px;bottom:100%;font:10px/1.25 ui-monospace,monospace;background:var(--c);
        color:#fff;padding:0 3px;white-space:nowrap;pointer-events:none;opacity:.9}
        .pin{position:absolute;width:16px;height:16px;border-radius:50%;background:var(--c);color:#fff;
        font:bold 12px/16px sans-serif;text-align:center;text-decoration:none;z-index:6;cursor:pointer}
        .pin.inline{position:relative;display:inline-block;margin:0 2px}
        .pin.hl{box-shadow:0 0 0 3px #ffd400}
        .records{position:sticky;top:0;max-height:100vh;overflow:auto;background:#fff;border-left:1px solid #ccc;
        padding:8px 10px;box-sizing:border-box}
        .records h2{font-size:15px;margin:4px 0 8px}
        .grp>summary{font-weight:600;cursor:pointer;margin:6px 0 2px}
        .grp .n{color:#666;font-weight:normal}
        .records ol{list-style:none;margin:0;padding:0}
        .rec{padding:2px 4px;border-left:4px solid var(--c,#999);margin:2px 0;cursor:pointer;font-size:13px}
        .rec:hover{background:#f3f3f3}
        .rec.hl{background:var(--h,#ffeaa0);outline:1px solid var(--c,#999)}
        .rec .sw{display:none}
        .where{color:#777;font-size:11px;white-space:nowrap}
        .rec.nobox .where{color:#b00000}
        .json{display:inline}
        .json>summary{display:inline;color:#777;font-size:11px;cursor:pointer;margin-left:4px}
        .json pre{white-space:pre-wrap;word-break:break-all;font-size:11px;background:#f6f6f6;padding:4px;
        max-height:260px;overflow:auto;margin:2px 0}
        .flow .text{white-space:pre-wrap;background:#fff;padding:16px 20px;max-width:90ch;font:15px/1.6 Georgia,serif;
        box-shadow:0 1px 4px rgba(0,0,0,.35)}
        .flow h2{font-size:15px}
        .seg{background:var(--f);border-bottom:2px solid var(--c);cursor:pointer}
        .seg:hover,.seg.hl{background:var(--h)}
        .pmark{display:block;border-top:1px dashed #aaa;color:#888;font:11px sans-serif;margin:6px 0}
        .furn{background:#fff;padding:10px 10px 10px 36px;max-width:90ch}
        .fl{margin:2px 0;cursor:pointer}
        .fl .tag{position:static;display:inline-block;opacity:1}
        .fl s{text-decoration-color:var(--c);text-decoration-thickness:2px}
        .fl.hl{background:var(--h)}
        .part{color:#777;font:11px ui-monospace,monospace}
        table.index{border-collapse:collapse;background:#fff;margin:12px 16px}
        table.index th,table.index td{border:1px solid #ccc;padding:4px 8px;text-align:left}
        table.index td.num{text-align:right}
        tr.bad td{background:#fde8e8}
        tr.warn td{background:#fff6d6}

        """

    /// Links records and boxes both ways, remembers the selection in the URL's fragment (so
    /// `report.html#r12` opens on record 12) and lets the legend hide a kind.
    static let script = """
        (function () {
          "use strict";
          var lit = [];
          function clear() { lit.forEach(function (e) { e.classList.remove("hl"); }); lit = []; }
          function light(e) { e.classList.add("hl"); lit.push(e); }
          function select(recordID, fromBox) {
            var record = document.getElementById(recordID);
            if (!record || !record.classList.contains("rec")) { return; }
            clear();
            light(record);
            var boxes = (record.getAttribute("data-boxes") || "").split(" ").filter(Boolean)
              .map(function (id) { return document.getElementById(id); }).filter(Boolean);
            boxes.forEach(light);
            var group = record.closest("details.grp");
            if (group) { group.open = true; }
            if (fromBox) { record.scrollIntoView({ block: "nearest" }); }
            else if (boxes.length) { boxes[0].scrollIntoView({ block: "center" }); }
            try { history.replaceState(null, "", "#" + recordID); } catch (ignored) { /* file: URLs may refuse */ }
          }
          document.addEventListener("click", function (event) {
            var target = event.target;
            if (!(target instanceof Element)) { return; }
            var box = target.closest("[data-rec]");
            if (box) { event.preventDefault(); select(box.getAttribute("data-rec"), true); return; }
            var record = target.closest(".rec");
            if (record && !target.closest("details.json")) { select(record.id, false); }
          });
          document.addEventListener("keydown", function (event) {
            var target = event.target;
            if (event.key === "Enter" && target instanceof Element && target.classList.contains("rec")) {
              select(target.id, false);
            }
          });
          document.querySelectorAll(".legend input[data-kind]").forEach(function (input) {
            input.addEventListener("change", function () {
              document.body.classList.toggle("hide-" + input.getAttribute("data-kind"), !input.checked);
            });
          });
          if (location.hash.length > 1) { select(location.hash.slice(1), false); }
        })();

        """
}
