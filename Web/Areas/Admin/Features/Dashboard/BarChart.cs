using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using System.Text.Encodings.Web;

namespace RedMvc.Web.Areas.Admin.Features.Dashboard;

/// <summary>
/// A bar chart of one figure over the days, drawn on the server as SVG: no script, nothing to download,
/// readable by screen readers through its label and the table beside it (decision 0035).
/// </summary>
public static class BarChart
{
    private const int Width = 600, Height = 140, Top = 16, Bottom = 20;

    public static IHtmlContent Draw(string label, IReadOnlyList<(DateOnly Day, double Value)> points, Func<double, string> format)
    {
        var max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Value));
        var step = points.Count == 0 ? Width : (double)Width / points.Count;
        var svg = new StringBuilder();
        var enc = HtmlEncoder.Default;
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg class="chart" viewBox="0 0 {Width} {Height}" role="img" aria-label="{enc.Encode(label)}" preserveAspectRatio="none">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="chart__axis" x1="0" y1="{Height - Bottom}" x2="{Width}" y2="{Height - Bottom}"/>""");
        foreach (var (point, index) in points.Select((p, i) => (p, i)))
        {
            var h = (Height - Top - Bottom) * point.Value / max;
            var x = index * step + step * 0.15;
            var y = Height - Bottom - h;
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect class="chart__bar{(index == points.Count - 1 ? " chart__bar--today" : "")}" x="{x:0.#}" y="{y:0.#}" width="{step * 0.7:0.#}" height="{Math.Max(h, 0.5):0.#}"><title>{point.Day:MM-dd}: {enc.Encode(format(point.Value))}</title></rect>""");
        }
        if (points.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart__label" x="0" y="{Height - 4}">{points[0].Day:MM-dd}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart__label" x="{Width}" y="{Height - 4}" text-anchor="end">{points[^1].Day:MM-dd}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart__label" x="0" y="11">{enc.Encode(format(max))}</text>""");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
