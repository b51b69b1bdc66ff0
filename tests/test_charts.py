"""The report's chart renderer draws real SVG offline, with readable label sizes."""

from audience.charts import MIN_FONT_SIZE, vega_lite_svg


def test_bar_chart_renders_to_svg_with_its_labels():
    svg = vega_lite_svg(
        {
            "data": {"values": [{"country": "Ireland", "n": 3}, {"country": "Spain", "n": 5}]},
            "mark": "bar",
            "encoding": {
                "y": {"field": "country", "type": "nominal"},
                "x": {"field": "n", "type": "quantitative"},
            },
        }
    )
    assert svg.startswith("<svg")
    assert "Ireland" in svg and "Spain" in svg
    assert f'font-size="{MIN_FONT_SIZE}px"' in svg or f"font-size: {MIN_FONT_SIZE}px" in svg
