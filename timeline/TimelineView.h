// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QChartView>
#include <QDate>

namespace EcoAtlas {

class TimelineChart;

/// Shows one TimelineChart on screen: hovering gives the text and sources of what is under the
/// mouse (plain text from data, escaped into the tooltip), clicking a mark selects its
/// organization (organizationClicked), clicking anywhere else in the plot moves the time
/// cursor there (dateClicked). The page connects both to the shared ViewState.
class TimelineView : public QChartView
{
    Q_OBJECT
public:
    /// Shows `chart` and takes ownership of it (QChartView::setChart).
    explicit TimelineView(TimelineChart *chart, QWidget *parent = nullptr);
    /// The chart shown.
    TimelineChart *timelineChart() const { return m_chart; }

    /// Plain text as tooltip rich text: escaped, line breaks kept, wrapped.
    static QString toolTipHtml(const QString &plain);
    /// The chart's position under viewport point `pos`.
    QPointF chartPosition(const QPoint &pos) const;

signals:
    /// A mark of organization `id` was clicked.
    void organizationClicked(qint64 id);
    /// The plot was clicked away from any mark, on calendar day `date`.
    void dateClicked(QDate date);

protected:
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    TimelineChart *m_chart;
};

} // namespace EcoAtlas
