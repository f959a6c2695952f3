// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "ZoomPanWidget.h"

#include <QDate>
#include <QSet>
#include <QTransform>
#include <QWidget>

#include <memory>

class QUndoStack;

namespace EcoAtlas {

class SphereFigure;
class SphereMapModel;
class ViewState;

/// The interactive sphere-of-influence map. It draws SphereFigure — the same paint routine as
/// the exports — and adds: wheel zoom around the cursor, drag the background to pan, drag an
/// owner's region or name to move its sphere (the layout follows), double-click or 0 to fit,
/// hover for a plain-text tooltip, click to select the organization everywhere (ViewState).
class SphereView : public ZoomPanWidget
{
    Q_OBJECT
public:
    /// `undo` receives region moves (none: they are not undoable).
    SphereView(SphereMapModel *model,
               ViewState *state,
               QWidget *parent = nullptr,
               QUndoStack *undo = nullptr);
    ~SphereView() override;

    void setFigureOptions(const FigureOptions &options);
    /// The options the figure is drawn with (as-of date from the ViewState).
    FigureOptions figureOptions() const;
    const SphereFigure &figure() const;
    /// Compare-mode marks (see SphereFigure::setChanges); empty sets: none.
    void setChanges(const QSet<RowId> &added, const QSet<RowId> &removed, QDate from);
    /// The tooltip for the item under `pos` as escaped HTML (plain text shown literally).
    QString toolTipHtmlAt(const QPointF &pos) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void clearSelection() override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void rebuildFigure();

    SphereMapModel *m_model;
    ViewState *m_state;
    QUndoStack *m_undo = nullptr;
    FigureOptions m_options;
    std::unique_ptr<SphereFigure> m_figure;
    QSet<RowId> m_added, m_removed;
    QDate m_compareFrom;
    QPointF m_lastMouse;
    int m_dragOwner = -1;
    QPointF m_dragDelta; ///< device px the owner has been dragged so far
    bool m_moved = false;
};

/// Places the sphere map's regions at `after` (owner id → centre, layout px) as one undoable
/// command named `text` on `undo` ("Move region", "Reset layout"), or at once without `undo`.
void pushRegionPlacement(QUndoStack *undo,
                         SphereMapModel *model,
                         const QHash<RowId, QPointF> &after,
                         const QString &text);

} // namespace EcoAtlas
