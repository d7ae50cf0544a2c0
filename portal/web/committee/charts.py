"""Server-drawn SVG charts: no script, no CDN, readable without colour (labels and numbers on the bars)."""
from flask_babel import gettext as _
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


def on_time_bars_svg(rows: list[dict], threshold: float, width: int = 720) -> Markup:
    """One horizontal bar per agency: its on-time rate (%), with the threshold drawn across; agencies without a
    figure are named with "chưa có số liệu" instead of a bar."""
    if not rows:
        return Markup("")
    label_w, right, top, bar_h, gap = 250, 60, 24, 18, 8
    plot_w = width - label_w - right
    height = top + len(rows) * (bar_h + gap) + 24
    x_line = label_w + plot_w * threshold / 100
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="ontime-title" class="chart bars">',
             f'<title id="ontime-title">{escape(_("Tỷ lệ trả lời đúng hạn của từng cơ quan (%)"))}</title>']
    for index, row in enumerate(rows):
        y = top + index * (bar_h + gap)
        name = escape(row["name"] if len(row["name"]) <= 38 else row["name"][:37] + "…")
        parts.append(f'<text x="{label_w - 6}" y="{y + bar_h - 4}" class="tick" text-anchor="end">{name}</text>')
        rate = row.get("on_time_rate")
        if rate is None:
            missing = escape(_("chưa có số liệu"))
            parts.append(f'<text x="{label_w + 4}" y="{y + bar_h - 4}" class="tick">{missing}</text>')
            continue
        css = "bar-below" if rate < threshold else "bar-answered"
        parts.append(f'<rect x="{label_w}" y="{y}" width="{plot_w * rate / 100:.1f}" height="{bar_h}" class="{css}">'
                     f'<title>{escape(row["name"])}: {rate:.1f}%</title></rect>')
        parts.append(f'<text x="{label_w + plot_w * rate / 100 + 4:.1f}" y="{y + bar_h - 4}" class="tick">'
                     f'{rate:.1f}%</text>')
    parts.append(f'<line x1="{x_line:.1f}" y1="{top - 6}" x2="{x_line:.1f}" y2="{height - 20}" class="threshold"/>')
    parts.append(f'<text x="{x_line:.1f}" y="{top - 10}" class="legend" text-anchor="middle">{threshold:g}%</text>')
    parts.append(f'<text x="{label_w}" y="{height - 4}" class="legend"><tspan class="legend-ok">■</tspan> '
                 f'{escape(_("đạt"))}  <tspan class="legend-below">■</tspan> '
                 f'{escape(_("dưới %(threshold)s%% (phải giải trình)", threshold=f"{threshold:g}"))}  ┆ '
                 f'{escape(_("ngưỡng"))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
