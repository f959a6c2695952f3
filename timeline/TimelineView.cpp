// SPDX-License-Identifier: MIT
#include "TimelineView.h"

#include "FigureStyle.h"
#include "TimelineCharts.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>

namespace EcoAtlas {

TimelineView::TimelineView(TimelineChart *chart, QWidget *parent)
    : QChartView(chart, parent)
    , m_chart(chart)
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    setMouseTracking(true);
    setMinimumSize(480, 320);
}

QString TimelineView::toolTipHtml(const QString &plain)
{
    QStringList lines;
    for (const QString &line : plain.split(QLatin1Char('\n')))
        lines << FigureStyle::plainText(line).toHtmlEscaped();
    return QStringLiteral("<p style=\"white-space:pre-wrap; max-width:480px\">%1</p>")
            .arg(lines.join(QStringLiteral("<br>")));
}

QPointF TimelineView::chartPosition(const QPoint &pos) const
{
    return m_chart->mapFromScene(mapToScene(pos));
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = m_chart->toolTipAt(chartPosition(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), toolTipHtml(text), viewport());
        return true;
    }
    return QChartView::viewportEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QChartView::mousePressEvent(event);
        return;
    }
    const QPointF p = chartPosition(event->position().toPoint());
    if (const RowId org = m_chart->organizationAt(p)) {
        emit organizationClicked(org);
    } else {
        const QDate date = m_chart->dateAt(p);
        if (date.isValid())
            emit dateClicked(date);
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF p = chartPosition(event->position().toPoint());
    setCursor(m_chart->organizationAt(p)
                      ? Qt::PointingHandCursor
                      : (m_chart->plotArea().contains(p) ? Qt::CrossCursor : Qt::ArrowCursor));
    QChartView::mouseMoveEvent(event);
}

} // namespace EcoAtlas
