"""Server-drawn SVG charts: no script, no CDN, readable without colour (labels and numbers on the bars)."""
from markupsafe import Markup, escape


def trend_svg(trend: list[dict], width: int = 720, height: int = 260) -> Markup:
    """Grouped bars of received and answered per month, and the on-time rate as a line (right axis, %)."""
    if not trend:
        return Markup("")
    left, bottom, top = 40, 40, 20
    plot_h = height - bottom - top
    slot = (width - left - 40) / len(trend)
    peak = max(max(m["received"], m["answered"]) for m in trend) or 1
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="trend-title" class="chart">',
             '<title id="trend-title">Tiếp nhận, đã trả lời và tỷ lệ đúng hạn theo tháng</title>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 40}" y2="{top + plot_h}" class="axis"/>']
    points = []
    for index, month in enumerate(trend):
        x = left + index * slot
        for offset, key, css in ((0.15, "received", "bar-received"), (0.5, "answered", "bar-answered")):
            h = plot_h * month[key] / peak
            parts.append(f'<rect x="{x + slot * offset:.1f}" y="{top + plot_h - h:.1f}" width="{slot * 0.33:.1f}" '
                         f'height="{h:.1f}" class="{css}"><title>{escape(month["month"])}: {month[key]}</title></rect>')
        parts.append(f'<text x="{x + slot / 2:.1f}" y="{height - 22}" class="tick">{escape(month["month"][:2])}</text>')
        if month["on_time_rate"] is not None:
            points.append(f'{x + slot / 2:.1f},{top + plot_h * (1 - month["on_time_rate"] / 100):.1f}')
    if points:
        parts.append(f'<polyline points="{" ".join(points)}" class="line-ontime"/>')
    parts.append(f'<text x="{left}" y="{height - 4}" class="legend">■ tiếp nhận  ■ đã trả lời  — tỷ lệ đúng hạn (%)</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
