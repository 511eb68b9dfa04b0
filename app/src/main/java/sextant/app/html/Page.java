package sextant.app.html;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One self-contained HTML page: inline CSS, inline SVG charts and a few lines of inline script that sort tables.
 * Nothing is loaded from anywhere when it is opened.
 */
final class Page {
    private static final String CSS = """
            :root { --ink:#0f172a; --muted:#64748b; --line:#e2e8f0; --bg:#f8fafc; --card:#ffffff; --accent:#2563eb; }
            * { box-sizing: border-box; }
            body { margin:0; background:var(--bg); color:var(--ink);
              font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            header { background:#0f172a; color:#f8fafc; padding:22px 32px; }
            header h1 { margin:0 0 4px; font-size:22px; font-weight:650; letter-spacing:.2px; }
            header p { margin:0; color:#cbd5e1; }
            main { max-width:1600px; margin:0 auto; padding:20px 32px 40px; }
            section { margin:0 0 28px; }
            h2 { font-size:17px; margin:26px 0 10px; padding-bottom:6px; border-bottom:1px solid var(--line); }
            .note { color:var(--muted); margin:4px 0 12px; max-width:900px; }
            .kpis { display:flex; flex-wrap:wrap; gap:12px; margin:4px 0 8px; }
            .kpi { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:10px 16px; min-width:128px; }
            .kpi .k { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.4px; }
            .kpi .v { font-size:20px; font-weight:600; font-variant-numeric: tabular-nums; }
            .grid { display:flex; flex-wrap:wrap; gap:16px; }
            figure { margin:0; background:var(--card); border:1px solid var(--line); border-radius:10px; padding:8px;
              box-shadow:0 1px 2px rgba(15,23,42,.04); max-width:100%; overflow-x:auto; }
            svg.chart { display:block; font-family:inherit; }
            svg .title { font-size:15px; font-weight:600; fill:var(--ink); }
            svg .tick { font-size:11px; fill:var(--muted); font-variant-numeric: tabular-nums; }
            svg .tick.cat { fill:var(--ink); font-size:12px; }
            svg .axis-title { font-size:12px; fill:#334155; }
            svg .legend { font-size:12px; fill:#334155; }
            svg .value { font-size:11px; fill:#334155; font-variant-numeric: tabular-nums; }
            svg .cell-value { font-size:12px; font-variant-numeric: tabular-nums; pointer-events:none; }
            svg .grid { stroke:#eef2f7; stroke-width:1; }
            svg .zero { stroke:#94a3b8; stroke-width:1; }
            svg .axis { stroke:#94a3b8; stroke-width:1; }
            svg .bar:hover, svg .cell:hover, svg .dot:hover { opacity:.8; }
            .table-wrap { overflow-x:auto; background:var(--card); border:1px solid var(--line); border-radius:10px; }
            table { border-collapse:collapse; width:100%; font-size:13px; }
            th, td { padding:6px 10px; text-align:left; border-bottom:1px solid var(--line); white-space:nowrap; }
            td:last-child { white-space:normal; }
            th { position:sticky; top:0; background:#f1f5f9; cursor:pointer; user-select:none; font-weight:600; }
            th:hover { background:#e2e8f0; }
            th.asc::after { content:" \\25B2"; font-size:10px; color:var(--accent); }
            th.desc::after { content:" \\25BC"; font-size:10px; color:var(--accent); }
            tbody tr:nth-child(even) { background:#fafcff; }
            tbody tr:hover { background:#eff6ff; }
            td.num { text-align:right; font-variant-numeric: tabular-nums; }
            td.pos { color:#15803d; } td.neg { color:#b91c1c; }
            .none { color:var(--muted); font-style:italic; }
            footer { color:var(--muted); font-size:12px; padding:0 32px 24px; max-width:1600px; margin:0 auto; }
            """;

    /** Sorts a table by the clicked column: numbers by data-sort, text otherwise; empty cells always last. */
    private static final String SCRIPT = """
            document.querySelectorAll('table.sortable').forEach(function (table) {
              table.querySelectorAll('th').forEach(function (th, col) {
                th.addEventListener('click', function () {
                  var asc = !th.classList.contains('asc');
                  table.querySelectorAll('th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
                  th.classList.add(asc ? 'asc' : 'desc');
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  function key(row) {
                    var td = row.cells[col];
                    if (!td) { return null; }
                    if (td.hasAttribute('data-sort')) { return parseFloat(td.getAttribute('data-sort')); }
                    var t = td.textContent.trim();
                    return t === '' ? null : t.toLowerCase();
                  }
                  rows.sort(function (a, b) {
                    var x = key(a), y = key(b);
                    if (x === null) { return y === null ? 0 : 1; }
                    if (y === null) { return -1; }
                    var c = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y));
                    return asc ? c : -c;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
            });
            """;

    private final String title;
    private final String subtitle;
    private final List<String> parts = new ArrayList<>();
    private int charts;

    Page(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    Page section(String heading, @Nullable String note) {
        parts.add("<h2>" + Html.escape(heading) + "</h2>" + (note == null ? "" : "<p class=\"note\">" + Html.escape(note) + "</p>"));
        return this;
    }

    /** Key figures as a row of tiles. */
    Page kpis(List<String[]> nameValue) {
        StringBuilder b = new StringBuilder("<div class=\"kpis\">");
        for (String[] kv : nameValue) {
            b.append("<div class=\"kpi\"><div class=\"k\">").append(Html.escape(kv[0])).append("</div><div class=\"v\">")
                    .append(Html.escape(kv[1])).append("</div></div>");
        }
        parts.add(b.append("</div>").toString());
        return this;
    }

    Page chart(String svg) {
        charts++;
        parts.add("<figure>" + svg + "</figure>");
        return this;
    }

    /** Several charts side by side, wrapping on narrow screens. */
    Page charts(List<String> svgs) {
        StringBuilder b = new StringBuilder("<div class=\"grid\">");
        for (String s : svgs) {
            charts++;
            b.append("<figure>").append(s).append("</figure>");
        }
        parts.add(b.append("</div>").toString());
        return this;
    }

    Page table(Table t) {
        parts.add(t.html());
        return this;
    }

    Page paragraph(String text) {
        parts.add("<p class=\"note\">" + Html.escape(text) + "</p>");
        return this;
    }

    int charts() {
        return charts;
    }

    String html(String footer) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                // No network: nothing on this page may be fetched, not even a favicon.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';")
                .append(" script-src 'unsafe-inline'; img-src data:\">")
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<title>").append(Html.escape(title)).append("</title><style>").append(CSS).append("</style></head><body>")
                .append("<header><h1>").append(Html.escape(title)).append("</h1><p>").append(Html.escape(subtitle))
                .append("</p></header><main>");
        for (String p : parts) {
            b.append(p).append('\n');
        }
        b.append("</main><footer>").append(Html.escape(footer)).append("</footer><script>").append(SCRIPT)
                .append("</script></body></html>\n");
        return b.toString();
    }
}
