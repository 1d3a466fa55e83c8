/// The dashboard's one stylesheet, compiled in so `vigil` copied alone serves it.
enum Stylesheet {
    static let css = """
        :root { color-scheme: light dark; --accent: #b3261e; --muted: #666; --line: #ccc; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, sans-serif; }
        header { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.2rem; border-bottom: 1px solid var(--line); }
        header .brand { font-weight: 700; text-decoration: none; color: var(--accent); }
        header nav { display: flex; gap: 1rem; flex: 1; }
        header .signout { display: flex; gap: .6rem; align-items: center; margin: 0; }
        main { padding: 1rem 1.2rem; max-width: 72rem; }
        h1 { font-size: 1.4rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.1rem; margin-top: 1.6rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        tr.open td:first-child { border-left: 4px solid var(--accent); }
        tr.severity-high td { font-weight: 600; }
        form.login { display: grid; gap: .4rem; max-width: 20rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; margin-bottom: 1rem; }
        form.filters label { display: grid; font-size: .85rem; color: var(--muted); }
        .error { color: var(--accent); font-weight: 600; }
        dl.facts, dl.scores { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dt { color: var(--muted); }
        dd { margin: 0; overflow-wrap: anywhere; }
        code { font-size: .85rem; }
        ol.evidence blockquote { margin: .2rem 0 .8rem; padding-left: .8rem; border-left: 3px solid var(--accent); }
        ol.evidence li.agent blockquote { border-left-color: #6750a4; }
        .evidence-kind { font-size: .8rem; color: var(--muted); }
        .triage { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: end; }
        .triage form { display: flex; gap: .6rem; align-items: end; }
        nav.pages { display: flex; gap: 1rem; margin-top: 1rem; }
        svg { display: block; max-width: 100%; height: auto; }
        td.trend { padding-top: .45rem; }
        .team-trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
        .team-trends h2 { grid-column: 1 / -1; margin-bottom: 0; }
        figure { margin: 0; }
        figcaption { font-size: .9rem; color: var(--muted); }
        tr.failing td:first-child { border-left: 4px solid var(--accent); }
        tr.disabled td { color: var(--muted); }
        .digest { max-width: 48rem; }
        .digest table { width: 100%; }
        .digest td, .digest th { border-bottom: 1px solid var(--line); padding: .25rem .4rem; }
        .digest td td { border-bottom-color: transparent; }
        .digest h1 { margin: .2rem 0; }
        .digest h2 { margin: .4rem 0 0; }
        .digest a { overflow-wrap: anywhere; }
        """
}
