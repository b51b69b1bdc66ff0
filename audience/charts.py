"""Charts for the HTML report: Vega-Lite specs rendered offline to inline SVG by vl-convert.

No network and no JavaScript: the SVG goes straight into the page, so the report stays one
file under a strict Content-Security-Policy. Specs are plain dicts; callers build them.
"""

from __future__ import annotations

from typing import Any

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
# Labels stay readable on a phone: the report's CSS scales the SVG to the column width, so the
# chart is drawn at a modest width with fonts no smaller than this.
MIN_FONT_SIZE = 12


def vega_lite_svg(spec: dict[str, Any]) -> str:
    """Render a Vega-Lite spec to an SVG string (vl-convert, offline). Imported lazily: the
    renderer is heavy and only the report needs it."""
    import vl_convert

    full = {"$schema": VEGA_LITE_SCHEMA, **spec}
    full.setdefault(
        "config",
        {
            "font": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
            "axis": {"labelFontSize": MIN_FONT_SIZE, "titleFontSize": MIN_FONT_SIZE},
            "legend": {"labelFontSize": MIN_FONT_SIZE, "titleFontSize": MIN_FONT_SIZE},
            "title": {"fontSize": MIN_FONT_SIZE + 2},
        },
    )
    return vl_convert.vegalite_to_svg(full)
