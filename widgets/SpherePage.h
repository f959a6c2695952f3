// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QUndoStack;

namespace EcoAtlas {

class SphereMapModel;
class SphereView;
class ViewState;

/// The sphere-map tab: a tool bar (who owns spheres: a role; which tie kinds make membership;
/// clients tied to no owner shown apart or hidden; label language; title and subtitle; fit)
/// above the SphereView. The as-of date comes from the shared ViewState.
class SpherePage : public QWidget
{
    Q_OBJECT
public:
    /// `undo` receives region moves and layout resets (none: they are not undoable).
    SpherePage(SphereMapModel *model,
               ViewState *state,
               QWidget *parent = nullptr,
               QUndoStack *undo = nullptr);
    SphereView *view() const { return m_view; }

private:
    SphereMapModel *m_model;
    SphereView *m_view;
};

} // namespace EcoAtlas
