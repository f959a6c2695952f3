// SPDX-License-Identifier: MIT
#include "ZoomPanWidget.h"

#include <QKeyEvent>
#include <QWheelEvent>

#include <cmath>

namespace EcoAtlas {

ZoomPanWidget::ZoomPanWidget(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(400, 300);
}

void ZoomPanWidget::fitToView()
{
    m_view = QTransform();
    update();
}

void ZoomPanWidget::zoomBy(double factor)
{
    zoomAround(QRectF(rect()).center(), factor);
}

void ZoomPanWidget::zoomAround(const QPointF &c, double factor)
{
    m_view = m_view * QTransform::fromTranslate(-c.x(), -c.y())
             * QTransform::fromScale(factor, factor) * QTransform::fromTranslate(c.x(), c.y());
    update();
}

void ZoomPanWidget::panBy(const QPointF &delta)
{
    m_view = m_view * QTransform::fromTranslate(delta.x(), delta.y());
    update();
}

void ZoomPanWidget::beginPan()
{
    m_panning = true;
    setCursor(Qt::ClosedHandCursor);
}

bool ZoomPanWidget::endPan()
{
    if (!m_panning)
        return false;
    m_panning = false;
    unsetCursor();
    return true;
}

void ZoomPanWidget::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomAround(event->position(), std::pow(1.2, steps));
    event->accept();
}

void ZoomPanWidget::keyPressEvent(QKeyEvent *event)
{
    const double step = 40;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_0:
        fitToView();
        return;
    case Qt::Key_Left:
        panBy(QPointF(step, 0));
        return;
    case Qt::Key_Right:
        panBy(QPointF(-step, 0));
        return;
    case Qt::Key_Up:
        panBy(QPointF(0, step));
        return;
    case Qt::Key_Down:
        panBy(QPointF(0, -step));
        return;
    case Qt::Key_Escape:
        clearSelection();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace EcoAtlas
