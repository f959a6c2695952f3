// SPDX-License-Identifier: MIT
#include "SphereView.h"

#include "SphereFigure.h"
#include "SphereMapModel.h"
#include "ViewState.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

namespace EcoAtlas {

SphereView::SphereView(SphereMapModel *model, ViewState *state, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_state(state)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(400, 300);
    connect(model, &SphereMapModel::geometryChanged, this, &SphereView::rebuildFigure);
    connect(state, &ViewState::selectedOrganizationChanged, this, &SphereView::rebuildFigure);
    connect(state, &ViewState::asOfChanged, this, &SphereView::rebuildFigure);
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

void SphereView::fitToView()
{
    m_view = QTransform();
    update();
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

void SphereView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    const double factor = std::pow(1.2, steps);
    const QPointF c = event->position();
    m_view = m_view * QTransform::fromTranslate(-c.x(), -c.y())
             * QTransform::fromScale(factor, factor) * QTransform::fromTranslate(c.x(), c.y());
    update();
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
        m_panning = true;
        setCursor(Qt::ClosedHandCursor);
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
    if (m_panning)
        m_view = m_view * QTransform::fromTranslate(delta.x(), delta.y());
    else if (m_dragOwner >= 0)
        m_dragDelta += delta;
    update();
}

void SphereView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
    }
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
            m_model->moveOwner(owner, moved);
        }
        update();
        return;
    }
    m_dragOwner = -1;
    if (!m_moved) {
        const int client = m_figure->clientAt(event->position(), QRectF(rect()), m_view);
        if (client >= 0) {
            m_state->setSelectedOrganization(m_model->clientId(client));
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

void SphereView::keyPressEvent(QKeyEvent *event)
{
    const double step = 40;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus: {
        const double f = event->key() == Qt::Key_Minus ? 0.8 : 1.25;
        const QPointF c = rect().center();
        m_view = m_view * QTransform::fromTranslate(-c.x(), -c.y()) * QTransform::fromScale(f, f)
                 * QTransform::fromTranslate(c.x(), c.y());
        break;
    }
    case Qt::Key_0:
        m_view = QTransform();
        break;
    case Qt::Key_Left:
        m_view = m_view * QTransform::fromTranslate(step, 0);
        break;
    case Qt::Key_Right:
        m_view = m_view * QTransform::fromTranslate(-step, 0);
        break;
    case Qt::Key_Up:
        m_view = m_view * QTransform::fromTranslate(0, step);
        break;
    case Qt::Key_Down:
        m_view = m_view * QTransform::fromTranslate(0, -step);
        break;
    case Qt::Key_Escape:
        m_state->setSelectedOrganization(0);
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
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
