// SPDX-License-Identifier: MIT
#pragma once

#include <QAction>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>

namespace EcoAtlas {

/// A menu whose checkable items toggle without closing it (mouse release, Space or Return), so
/// that several filter items can be changed in one visit; other items behave as usual. Used by
/// the filter menus of the network and sphere tool bars.
class StayOpenMenu : public QMenu
{
public:
    using QMenu::QMenu;

protected:
    /// Toggles a checkable item under the pointer and keeps the menu open.
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QAction *a = actionAt(event->position().toPoint());
        if (a && a->isEnabled() && a->isCheckable()) {
            a->trigger();
            return;
        }
        QMenu::mouseReleaseEvent(event);
    }
    /// Space, Return or Enter toggle the highlighted checkable item and keep the menu open.
    void keyPressEvent(QKeyEvent *event) override
    {
        QAction *a = activeAction();
        if (a && a->isEnabled() && a->isCheckable()
            && (event->key() == Qt::Key_Space || event->key() == Qt::Key_Return
                || event->key() == Qt::Key_Enter)) {
            a->trigger();
            return;
        }
        QMenu::keyPressEvent(event);
    }
};

} // namespace EcoAtlas
