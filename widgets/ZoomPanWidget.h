// SPDX-License-Identifier: MIT
#pragma once

#include <QTransform>
#include <QWidget>

namespace EcoAtlas {

/// Base of the interactive figure views (network diagram, sphere map): keeps the zoom/pan
/// transform applied after the figure's fit and gives them the same navigation — wheel zoom
/// around the cursor, +/- to zoom around the centre, 0 to fit, arrow keys to pan by 40 px,
/// dragging the background to pan, double-click to fit, Esc to clear the selection.
class ZoomPanWidget : public QWidget
{
    Q_OBJECT
public:
    /// The zoom/pan applied after the fit, in device pixels (identity = fit to view).
    QTransform viewTransform() const { return m_view; }

public slots:
    /// Back to the fitted view.
    void fitToView();
    /// Zooms by `factor` around the centre of the view.
    void zoomBy(double factor);

protected:
    explicit ZoomPanWidget(QWidget *parent = nullptr);

    /// Called by Esc; the default does nothing.
    virtual void clearSelection() {}
    /// Zooms by `factor` keeping device point `centre` in place.
    void zoomAround(const QPointF &centre, double factor);
    /// Pans by `delta` device pixels.
    void panBy(const QPointF &delta);
    /// Starts panning with the mouse (call from mousePressEvent on the background).
    void beginPan();
    bool isPanning() const { return m_panning; }
    /// Ends panning (call from mouseReleaseEvent); returns whether a pan was in progress.
    bool endPan();

    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

    QTransform m_view;

private:
    bool m_panning = false;
};

} // namespace EcoAtlas
