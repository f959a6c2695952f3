// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "Landscape.h"

#include <QRectF>
#include <QStringList>

class QPainter;

namespace EcoAtlas {

/// The "tables" view as a publication figure: every tie shown as of the chosen date, one row
/// each (kind, from, to, details, date, numbered sources), under a title and subtitle, with
/// the numbered source list as footer. Ties with an unknown start are listed and say so.
/// Laid out at a natural width of 1400 px; paint() scales it uniformly to fit any target.
class TablesFigure
{
public:
    TablesFigure(const Landscape &landscape, FigureOptions options);

    /// Size at the natural width with every row and the whole footer visible, in pixels.
    QSizeF naturalSize() const;
    /// Paints the figure scaled to fit `target` (aspect kept, centred). Nothing is clipped.
    void paint(QPainter &painter, const QRectF &target) const;

    /// Number of tie rows shown.
    int rowCount() const { return int(m_rows.size()); }
    /// The footer lines: "Sources: [1] …" (plain text).
    QStringList footer() const { return m_footer; }
    QString title() const;
    QString subtitle() const;

private:
    struct Row
    {
        QString kind;
        QStringList cells;
    };
    double tableHeight(double width) const;
    double rowHeight(const Row &row, const QList<double> &widths) const;
    QList<double> columnWidths(double width) const;

    const Landscape &m_landscape;
    FigureOptions m_options;
    QList<Row> m_rows;
    QStringList m_footer;
};

} // namespace EcoAtlas
