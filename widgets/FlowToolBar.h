// SPDX-License-Identifier: MIT
#pragma once

#include <QLayout>
#include <QList>
#include <QSize>
#include <QWidget>

class QAction;

namespace EcoAtlas {

/// A layout that lays its items out left to right and wraps them onto further rows when the
/// width runs out (the flow layout of Qt's examples/widgets/layouts/flowlayout), so that no
/// item is ever hidden. Rows are as tall as their tallest item; items are centred vertically.
class FlowLayout : public QLayout
{
public:
    /// A flow layout on `parent` with `spacing` px between items and rows.
    explicit FlowLayout(QWidget *parent = nullptr, int spacing = 4);
    /// Deletes the layout items (not their widgets, which belong to the parent).
    ~FlowLayout() override;

    /// QLayout's item list: items are kept in the order added.
    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    /// Never expands: the items keep their size hints.
    Qt::Orientations expandingDirections() const override;
    /// True: the height depends on how many rows the width needs.
    bool hasHeightForWidth() const override;
    /// The height the items take, wrapped at `width`.
    int heightForWidth(int width) const override;
    /// As wide as the widest item (everything else wraps), one row high.
    QSize minimumSize() const override;
    /// Everything on one row.
    QSize sizeHint() const override;
    /// Lays the items out in rows inside `rect`.
    void setGeometry(const QRect &rect) override;

    /// How many rows the items take at `width` px.
    int rowCount(int width) const;

private:
    /// Places the items in `rect` (only measures when `apply` is false); returns the height.
    int doLayout(const QRect &rect, bool apply, int *rows = nullptr) const;

    QList<QLayoutItem *> m_items;
};

/// A tool bar that never hides a control: its widgets and actions wrap onto a second (third …)
/// row when the window is too narrow, instead of QToolBar's overflow menu. It offers the part
/// of QToolBar's API the pages use, so a page's tool bar reads the same.
class FlowToolBar : public QWidget
{
    Q_OBJECT
public:
    /// An empty bar; controls are added with addWidget(), addAction() and addSeparator().
    explicit FlowToolBar(QWidget *parent = nullptr);

    /// Adds `widget` (re-parented to the bar) and returns it.
    QWidget *addWidget(QWidget *widget);
    /// Adds a tool button for a new action with `text`, owned by the bar, and returns the
    /// action (its shortcut works while the bar is shown).
    QAction *addAction(const QString &text);
    /// Adds a tool button for `action`.
    void addAction(QAction *action);
    /// Adds a thin vertical line between groups of controls.
    void addSeparator();
    /// Icon size of the bar's tool buttons.
    void setIconSize(const QSize &size) { m_iconSize = size; }

private:
    FlowLayout *m_layout;
    QSize m_iconSize{16, 16};
};

} // namespace EcoAtlas
