extension HTMLReportWriter {
    /// The page's whole style sheet: system fonts only, colours with at least 4.5:1 contrast
    /// for text, and print rules that keep cards and charts whole.
    static let styleSheet = """

        :root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg-soft: #f6f8fa;
          --pos: #007a5a; --neu: #6e7781; --neg: #c83e0b; --bad: #b42318; --bad-bg: #fef3f2; --accent: #1d4f91; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0 auto; max-width: 1180px; padding: 24px 28px 40px; color: var(--fg); background: #fff;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC",
          "Microsoft YaHei", Arial, sans-serif; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font-size: 21px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 18px; margin: 0 0 4px; }
        a { color: var(--accent); }
        .muted, .quiet, figcaption, footer { color: var(--muted); }
        .when { margin: 0 0 8px; font-size: 16px; }
        .facts { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0 0 10px; }
        .facts li { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 999px; padding: 2px 12px; }
        .facts li.bad { background: var(--bad-bg); border-color: var(--bad); color: var(--bad); }
        .notes { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px 8px 28px; margin: 8px 0; }
        nav { font-size: 14px; } nav a { margin-right: 14px; }
        .alert { border: 1px solid var(--bad); border-left: 6px solid var(--bad); background: var(--bad-bg);
          border-radius: 6px; padding: 12px 16px; margin: 0 0 12px; break-inside: avoid; }
        .alert h3 { color: var(--bad); }
        .alert .meta { margin: 0 0 6px; font-size: 14px; color: #5c2a1e; }
        .alert .details { margin: 4px 0 8px; padding-left: 20px; }
        .evidence { margin: 6px 0; padding: 6px 12px; background: #fff; border-left: 3px solid var(--neg); }
        .evidence p { margin: 0; } .evidence .cite { font-size: 13px; color: var(--muted); }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 0 0 18px; break-inside: avoid; }
        .kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin: 10px 0 12px; }
        .kpi { background: var(--bg-soft); border-radius: 6px; padding: 10px 14px; }
        .label { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
        .value { font-size: 30px; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
        .value .of { font-size: 16px; color: var(--muted); font-weight: 400; }
        .sub { font-size: 13px; color: var(--muted); }
        .stars { position: relative; display: inline-block; font-size: 22px; line-height: 1; letter-spacing: 2px; margin: 2px 0 4px; }
        .stars .empty { color: #c9d1d9; }
        .stars .full { position: absolute; left: 0; top: 0; overflow: hidden; white-space: nowrap; color: #00875a; }
        .mixblock { margin: 0 0 12px; }
        .mix { display: flex; height: 24px; border-radius: 4px; overflow: hidden; background: var(--bg-soft); margin: 4px 0; }
        .mix span { display: block; color: #fff; font-size: 12px; font-weight: 600; line-height: 24px; text-align: center; white-space: nowrap; overflow: hidden; }
        .mix .pos { background: var(--pos); } .mix .neu { background: var(--neu); } .mix .neg { background: var(--neg); }
        .mix .none { color: var(--muted); }
        .legend { font-size: 13px; color: var(--muted); display: flex; gap: 16px; }
        .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 5px; border-radius: 2px; }
        .legend i.pos { background: var(--pos); } .legend i.neu { background: var(--neu); } .legend i.neg { background: var(--neg); }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
        thead th { background: var(--bg-soft); font-size: 13px; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .nowrap { white-space: nowrap; }
        .aspects { max-width: 560px; margin-bottom: 8px; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 10px; }
        figure { margin: 0; } figure.wide { max-width: 760px; }
        svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
        .scroll { overflow-x: auto; }
        .versus { margin: 0; }
        .chart-title { font-size: 13px; font-weight: 600; color: var(--fg); margin: 0 0 4px; }
        td.name { min-width: 7em; }
        .badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 700; white-space: nowrap; }
        .badge.ok { background: #dafbe1; color: #116329; } .badge.same { background: #eaeef2; color: #424a53; }
        .badge.fail { background: var(--bad); color: #fff; }
        tr.failed th, tr.failed td { background: var(--bad-bg); color: var(--bad); }
        tr.failed th { border-left: 4px solid var(--bad); }
        .message { max-width: 380px; overflow-wrap: anywhere; }
        .mentions td:last-child { overflow-wrap: anywhere; }
        .neg-text { color: var(--neg); font-weight: 600; }
        footer { margin-top: 32px; font-size: 13px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media screen and (max-width: 760px) { .kpis, .charts { grid-template-columns: 1fr; } }
        @media print {
          body { max-width: none; padding: 0; font-size: 12px; } nav { display: none; }
          h2, h3 { break-after: avoid; } .card { break-inside: auto; } .alert, .kpis, .mixblock, table.aspects, .charts, figure, tr { break-inside: avoid; }
          .charts { gap: 10px; }
          a { color: inherit; text-decoration: none; } .scroll { overflow: visible; }
        }

        """
}
