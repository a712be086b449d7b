package io.slideo.slide.service.export;

import static io.slideo.slide.service.export.HtmlRenderer.escape;
import static io.slideo.slide.service.export.HtmlRenderer.font;
import static io.slideo.slide.service.export.HtmlRenderer.place;
import static io.slideo.slide.service.export.HtmlRenderer.pt;

import java.util.List;

import io.slideo.slide.service.export.Composition.Table;

/** A slide's table in HTML: equal columns, the first row a header under a rule in the theme's colour. */
final class HtmlTable {

    private HtmlTable() {
    }

    static void append(StringBuilder html, Table table, String chain, boolean rtl, boolean print) {
        // Browsers lay a right-to-left table's columns out from the right; the PDF renderer does not.
        boolean mirror = rtl && print;
        html.append("<div class=\"frame ").append(table.role()).append(" table\" style=\"").append(place(table.box()))
                .append(font(table.face(), chain)).append(" line-height: ").append(pt(table.lineHeight())).append("; color: ")
                .append(table.colour()).append(";\"><table><colgroup>");
        float width = table.box().width() / table.columns();
        for (int c = 0; c < table.columns(); c++) {
            html.append("<col style=\"width: ").append(pt(width)).append(";\" />");
        }
        html.append("</colgroup>");
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            html.append(r == 0 ? "<thead><tr>" : (r == 1 ? "<tbody><tr>" : "<tr>"));
            for (int c = 0; c < table.columns(); c++) {
                int column = mirror ? table.columns() - 1 - c : c;
                String cell = column < row.size() ? row.get(column) : "";
                html.append(r == 0 ? "<th" : "<td").append(" style=\"padding: ").append(pt(table.padding()))
                        .append("; vertical-align: top; text-align: ").append(rtl ? "right;" : "left;");
                if (r == 0) {
                    html.append(" font-weight: 700; border-bottom: 1pt solid ").append(table.ruleColour()).append(';');
                }
                html.append("\">").append(escape(cell)).append(r == 0 ? "</th>" : "</td>");
            }
            html.append(r == 0 ? "</tr></thead>" : "</tr>");
        }
        if (table.rows().size() > 1) {
            html.append("</tbody>");
        }
        html.append("</table></div>\n");
    }
}
