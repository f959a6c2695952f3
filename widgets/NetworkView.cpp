// SPDX-License-Identifier: MIT
#include "NetworkView.h"

#include <QContextMenuEvent>

#include "NetworkFigure.h"
#include "ViewState.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QUndoStack>

namespace EcoAtlas {

NetworkView::NetworkView(NetworkDiagramModel *model,
                         ViewState *state,
                         QUndoStack *undo,
                         QWidget *parent)
    : ZoomPanWidget(parent)
    , m_model(model)
    , m_state(state)
    , m_undo(undo)
{
    connect(model, &NetworkDiagramModel::graphChanged, this, &NetworkView::rebuildFigure);
    connect(model, &NetworkDiagramModel::positionsChanged, this, [this] {
        // Keep what the user sees in place: the fit may change with the bounds, so fold the
        // difference into the zoom/pan.
        const QTransform before = graphToWidget();
        rebuildFigure();
        bool ok = false;
        const QTransform fitInverse = m_figure->fitTransform(m_figure->frame(QRectF(rect())).plot)
                                              .inverted(&ok);
        if (ok)
            m_view = fitInverse * before;
        update();
    });
    connect(model, &NetworkDiagramModel::layoutReplaced, this, &NetworkView::fitToView);
    connect(state, &ViewState::selectedOrganizationChanged, this, &NetworkView::rebuildFigure);
    connect(state, &ViewState::asOfChanged, this, &NetworkView::rebuildFigure);
    connect(state, &ViewState::rangeFromChanged, this, &NetworkView::rebuildFigure);
    rebuildFigure();
}

NetworkView::~NetworkView() = default;

void NetworkView::setFigureOptions(const FigureOptions &options)
{
    m_options = options;
    rebuildFigure();
}

FigureOptions NetworkView::figureOptions() const
{
    FigureOptions o = m_options;
    o.asOf = m_state->asOf();
    o.rangeFrom = m_state->rangeFrom();
    return o;
}

const NetworkFigure &NetworkView::figure() const
{
    return *m_figure;
}

void NetworkView::rebuildFigure()
{
    m_figure = std::make_unique<NetworkFigure>(m_model->landscape(),
                                               m_model->graph(),
                                               m_model->positions(),
                                               figureOptions(),
                                               m_model->sizeMeasure());
    m_figure->setHighlight(m_model->graph().indexOfOrganization(m_state->selectedOrganization()));
    m_figure->setChanges(m_added, m_removed, m_changed, m_compareFrom);
    update();
}

void NetworkView::setChanges(const QSet<RowId> &added,
                             const QSet<RowId> &removed,
                             const QSet<RowId> &changed,
                             QDate from)
{
    m_added = added;
    m_removed = removed;
    m_changed = changed;
    m_compareFrom = from;
    rebuildFigure();
}

QTransform NetworkView::graphToWidget() const
{
    return m_figure->fitTransform(m_figure->frame(QRectF(rect())).plot) * m_view;
}

QString NetworkView::toolTipHtml(int index) const
{
    return QStringLiteral("<p style='white-space:pre'>%1</p>")
            .arg(m_figure->toolTipText(index).toHtmlEscaped());
}

void NetworkView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    if (!m_emptyText.isEmpty() && m_model->graph().nodes.isEmpty()) {
        // Nothing passes the filters: say why instead of drawing an empty frame and legend.
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.2);
        p.setFont(f);
        p.setPen(palette().color(QPalette::Disabled, QPalette::WindowText).darker(150));
        const QRectF box = QRectF(rect()).adjusted(width() * 0.15, 0, -width() * 0.15, 0);
        p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
        return;
    }
    m_figure->paint(p, QRectF(rect()), m_view);
    if (m_linkFrom >= 0 && m_linkFrom < m_figure->positions().size()) {
        // The rubber line of a tie being drawn (Shift-drag).
        const QPointF from = graphToWidget().map(m_figure->positions().at(m_linkFrom));
        p.setPen(QPen(QColor(0x00, 0x72, 0xb2), 2, Qt::DashLine));
        p.drawLine(from, m_linkEnd);
    }
}

void NetworkView::contextMenuEvent(QContextMenuEvent *event)
{
    const int node = m_figure->nodeAt(QPointF(event->pos()), QRectF(rect()), m_view);
    const qint64 org = node >= 0 ? m_model->graph().nodes.at(node).organizationId : 0;
    if (org)
        m_state->setSelectedOrganization(org);
    emit contextMenuRequested(org, event->globalPos());
}

void NetworkView::setEmptyText(const QString &text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    update();
}

void NetworkView::centreOn(qint64 organizationId)
{
    const int index = m_model->graph().indexOfOrganization(organizationId);
    m_state->setSelectedOrganization(organizationId);
    if (index < 0)
        return;
    const QPointF at = graphToWidget().map(m_model->positions().at(index));
    const QPointF c = m_figure->frame(QRectF(rect())).plot.center();
    m_view = m_view * QTransform::fromTranslate(c.x() - at.x(), c.y() - at.y());
    update();
}

void NetworkView::mousePressEvent(QMouseEvent *event)
{
    setFocus();
    m_lastMouse = event->position().toPoint();
    m_moved = false;
    if (event->button() != Qt::LeftButton)
        return;
    const int node = m_figure->nodeAt(event->position(), QRectF(rect()), m_view);
    if (node >= 0 && (event->modifiers() & Qt::ShiftModifier)
        && m_model->graph().nodes.at(node).organizationId) {
        m_linkFrom = node;
        m_linkEnd = event->position();
    } else if (node >= 0) {
        m_dragNode = node;
        m_dragStartGraph = m_model->positions().at(node);
        m_dragWasPinned = m_model->isPinned(node);
    } else {
        beginPan();
    }
}

void NetworkView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QPoint delta = pos - m_lastMouse;
    if (event->buttons() & Qt::LeftButton) {
        if (!m_moved && delta.manhattanLength() < 3)
            return;
        m_moved = true;
        m_lastMouse = pos;
        if (m_linkFrom >= 0) {
            m_linkEnd = event->position();
            update();
        } else if (isPanning()) {
            panBy(delta);
        } else if (m_dragNode >= 0) {
            bool ok = false;
            const QPointF graphPos = graphToWidget().inverted(&ok).map(event->position());
            if (ok) {
                // Moved live without storing each step; one undoable command on release.
                m_figure->setPosition(m_dragNode, graphPos);
                update();
            }
        }
        return;
    }
    m_lastMouse = pos;
}

void NetworkView::mouseReleaseEvent(QMouseEvent *event)
{
    endPan();
    if (event->button() == Qt::LeftButton && m_linkFrom >= 0) {
        const int from = m_linkFrom;
        m_linkFrom = -1;
        m_moved = false;
        update();
        const int to = m_figure->nodeAt(event->position(), QRectF(rect()), m_view);
        const qint64 fromId = m_model->graph().nodes.at(from).organizationId;
        const qint64 toId = to >= 0 ? m_model->graph().nodes.at(to).organizationId : 0;
        if (toId && toId != fromId)
            emit tieDrawn(fromId, toId);
        return;
    }
    if (event->button() == Qt::LeftButton && m_dragNode >= 0) {
        const int node = m_dragNode;
        m_dragNode = -1;
        const NetworkNode &n = m_model->graph().nodes.at(node);
        if (m_moved) {
            const QPointF to = m_figure->positions().at(node);
            if (n.organizationId) {
                m_undo->push(new MoveNodeCommand(
                        m_model, n.organizationId, m_dragStartGraph, m_dragWasPinned, to, true));
            } else {
                m_model->setNodePosition(node, to, true);
            }
        } else {
            m_state->setSelectedOrganization(n.organizationId);
        }
    } else if (event->button() == Qt::LeftButton && !m_moved) {
        m_state->setSelectedOrganization(0);
    }
    m_moved = false;
}

void NetworkView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_figure->nodeAt(event->position(), QRectF(rect()), m_view) < 0)
        fitToView();
}

void NetworkView::clearSelection()
{
    m_state->setSelectedOrganization(0);
}

bool NetworkView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int node = m_figure->nodeAt(help->pos(), QRectF(rect()), m_view);
        if (node >= 0)
            QToolTip::showText(help->globalPos(), toolTipHtml(node), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace EcoAtlas
