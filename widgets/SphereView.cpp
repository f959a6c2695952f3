// SPDX-License-Identifier: MIT
#include "SphereView.h"

#include <QUndoStack>

#include "SphereFigure.h"
#include "SphereMapModel.h"
#include "ViewState.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace EcoAtlas {

namespace {

/// Undoable placement of the sphere map's regions (a drag or a reset): swaps the whole set of
/// placed regions, so undo restores it exactly.
class PlaceRegionsCommand : public QUndoCommand
{
public:
    PlaceRegionsCommand(SphereMapModel *model,
                        QHash<RowId, QPointF> before,
                        QHash<RowId, QPointF> after,
                        const QString &text)
        : m_model(model)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
        setText(text);
    }
    void redo() override { m_model->setFixedCenters(m_after); }
    void undo() override { m_model->setFixedCenters(m_before); }

private:
    SphereMapModel *m_model;
    QHash<RowId, QPointF> m_before;
    QHash<RowId, QPointF> m_after;
};

} // namespace

void pushRegionPlacement(QUndoStack *undo,
                         SphereMapModel *model,
                         const QHash<RowId, QPointF> &after,
                         const QString &text)
{
    if (undo)
        undo->push(new PlaceRegionsCommand(model, model->fixedCenters(), after, text));
    else
        model->setFixedCenters(after);
}

SphereView::SphereView(SphereMapModel *model, ViewState *state, QWidget *parent, QUndoStack *undo)
    : ZoomPanWidget(parent)
    , m_model(model)
    , m_state(state)
    , m_undo(undo)
{
    connect(model, &SphereMapModel::geometryChanged, this, &SphereView::rebuildFigure);
    connect(state, &ViewState::selectedOrganizationChanged, this, &SphereView::rebuildFigure);
    connect(state, &ViewState::asOfChanged, this, &SphereView::rebuildFigure);
    connect(state, &ViewState::rangeFromChanged, this, &SphereView::rebuildFigure);
    rebuildFigure();
}

SphereView::~SphereView() = default;

void SphereView::setFigureOptions(const FigureOptions &options)
{
    m_options = options;
    m_model->setLabels(options.labels);
    rebuildFigure();
}

FigureOptions SphereView::figureOptions() const
{
    FigureOptions o = m_options;
    o.asOf = m_state->asOf();
    o.rangeFrom = m_state->rangeFrom();
    return o;
}

const SphereFigure &SphereView::figure() const
{
    return *m_figure;
}

void SphereView::rebuildFigure()
{
    FigureOptions o = figureOptions();
    o.selected = m_state->selectedOrganization();
    m_figure = std::make_unique<SphereFigure>(*m_model, o);
    m_figure->setChanges(m_added, m_removed, m_compareFrom);
    update();
}

void SphereView::setChanges(const QSet<RowId> &added, const QSet<RowId> &removed, QDate from)
{
    m_added = added;
    m_removed = removed;
    m_compareFrom = from;
    rebuildFigure();
}

QString SphereView::toolTipHtmlAt(const QPointF &pos) const
{
    QString text;
    const int client = m_figure->clientAt(pos, QRectF(rect()), m_view);
    if (client >= 0) {
        text = m_figure->clientToolTip(client);
    } else {
        const int owner = m_figure->ownerAt(pos, QRectF(rect()), m_view);
        if (owner >= 0)
            text = m_figure->ownerToolTip(owner);
    }
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style='white-space:pre'>%1</p>").arg(text.toHtmlEscaped());
}

void SphereView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    if (m_dragOwner >= 0)
        p.setOpacity(0.85);
    m_figure->paint(p, QRectF(rect()), m_view);
    if (m_dragOwner >= 0) {
        // Where the owner's sphere will go: its label follows the pointer.
        p.setOpacity(1);
        p.setPen(QPen(SphereFigure::ownerColor(m_dragOwner), 2, Qt::DashLine));
        p.drawEllipse(m_lastMouse, 40, 40);
    }
}

void SphereView::mousePressEvent(QMouseEvent *event)
{
    setFocus();
    m_lastMouse = event->position();
    m_moved = false;
    if (event->button() != Qt::LeftButton)
        return;
    if (m_figure->clientAt(event->position(), QRectF(rect()), m_view) >= 0)
        return; // clients are placed by the layout; a click selects
    const int owner = m_figure->ownerAt(event->position(), QRectF(rect()), m_view);
    if (owner >= 0) {
        m_dragOwner = owner;
        m_dragDelta = QPointF();
    } else {
        beginPan();
    }
}

void SphereView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF delta = event->position() - m_lastMouse;
    if (!(event->buttons() & Qt::LeftButton))
        return;
    if (!m_moved && std::abs(delta.x()) + std::abs(delta.y()) < 3)
        return;
    m_moved = true;
    m_lastMouse = event->position();
    if (isPanning())
        panBy(delta);
    else if (m_dragOwner >= 0)
        m_dragDelta += delta;
    update();
}

void SphereView::mouseReleaseEvent(QMouseEvent *event)
{
    endPan();
    if (event->button() != Qt::LeftButton)
        return;
    if (m_dragOwner >= 0 && m_moved) {
        const int owner = m_dragOwner;
        m_dragOwner = -1;
        const QTransform t = m_figure->fitTransform(m_figure->frame(QRectF(rect())).plot) * m_view;
        bool ok = false;
        const QTransform inverse = t.inverted(&ok);
        if (ok) {
            const QPointF centre = m_model->geometry().ownerCenters.at(owner);
            const QPointF moved = inverse.map(t.map(centre) + m_dragDelta);
            QHash<RowId, QPointF> after = m_model->fixedCenters();
            after.insert(m_model->ownerId(owner), moved);
            pushRegionPlacement(m_undo, m_model, after, tr("Move region"));
        }
        update();
        return;
    }
    m_dragOwner = -1;
    if (!m_moved) {
        const int client = m_figure->clientAt(event->position(), QRectF(rect()), m_view);
        if (client >= 0) {
            // A sector (negative client id) is not an organization: selecting it clears.
            m_state->setSelectedOrganization(std::max<RowId>(0, m_model->clientId(client)));
            return;
        }
        const int owner = m_figure->ownerAt(event->position(), QRectF(rect()), m_view);
        m_state->setSelectedOrganization(owner >= 0 ? m_model->ownerId(owner) : 0);
    }
}

void SphereView::mouseDoubleClickEvent(QMouseEvent *)
{
    fitToView();
}

void SphereView::clearSelection()
{
    m_state->setSelectedOrganization(0);
}

bool SphereView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString html = toolTipHtmlAt(help->pos());
        if (html.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), html, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace EcoAtlas
