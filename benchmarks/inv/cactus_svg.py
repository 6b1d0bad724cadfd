"""A cactus plot as SVG: for each tool, problems solved (x) against the time limit under which
that many are solved (y) — the usual way solver competitions compare solvers."""
from xml.sax.saxutils import escape

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]


def render(times_by_tool, limit, problems, width=640, height=400):
    left, right, top, bottom = 60, 150, 40, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    x_max = max(1, problems)

    def px(solved):
        return left + plot_w * solved / x_max

    def py(seconds):
        return top + plot_h * (1 - min(seconds, limit) / limit)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">'
             f'SyGuS-INV: problems solved within time (limit {limit:g} s)</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="black"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="black"/>',
             f'<text x="{left + plot_w / 2}" y="{height - 10}" text-anchor="middle">problems solved</text>',
             f'<text x="15" y="{top + plot_h / 2}" text-anchor="middle" '
             f'transform="rotate(-90 15 {top + plot_h / 2})">seconds per problem</text>']
    for i in range(6):
        solved = round(x_max * i / 5)
        seconds = limit * i / 5
        parts.append(f'<text x="{px(solved)}" y="{top + plot_h + 16}" text-anchor="middle">{solved}</text>')
        parts.append(f'<text x="{left - 6}" y="{py(seconds) + 4}" text-anchor="end">{seconds:g}</text>')
    for index, (tool, times) in enumerate(sorted(times_by_tool.items())):
        colour = COLOURS[index % len(COLOURS)]
        points = " ".join(f"{px(n + 1):.1f},{py(t):.1f}" for n, t in enumerate(sorted(times)))
        if points:
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
        y = top + 20 * index
        parts.append(f'<line x1="{left + plot_w + 15}" y1="{y}" x2="{left + plot_w + 35}" y2="{y}" '
                     f'stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<text x="{left + plot_w + 40}" y="{y + 4}">{escape(tool)} ({len(times)})</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
