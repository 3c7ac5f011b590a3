/// The `simulate --html` page's inline style sheet.
enum HTMLReportStyle {
    static let css = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;color:#1f2328;padding:0 1em}
    h1{font-size:1.6em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #d0d7de}h3{font-size:1.1em}
    .meta{color:#59636e}.tally{font-weight:600}
    .phase{border:1px solid #d0d7de;border-left:6px solid #1a7f37;border-radius:6px;padding:.2em 1em 1em;margin:1em 0}
    .phase.failed{border-left-color:#cf222e}.phase.error{border-left-color:#9a6700}
    .badge{font-size:.75em;padding:.1em .5em;border-radius:1em;background:#dafbe1;color:#1a7f37;vertical-align:middle}
    .failed .badge{background:#ffebe9;color:#cf222e}.error .badge{background:#fff8c5;color:#9a6700}
    table{border-collapse:collapse;margin:.5em 0}th,td{text-align:left;padding:.2em .8em;border-bottom:1px solid #eaeef2}
    .figures th{font-weight:400;color:#59636e}
    tr.unmet td{background:#ffebe9;color:#82071e;font-weight:600}
    .charts{display:flex;flex-wrap:wrap;gap:1em}.chart{margin:0}figcaption{color:#59636e;font-size:.9em}
    .chart svg{font-size:12px}.chart rect{fill:#0969da}.chart text{fill:#1f2328}
    pre.error{background:#fff8c5;padding:.5em;white-space:pre-wrap}
    """
}
