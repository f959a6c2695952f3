// SPDX-License-Identifier: MIT
#include "FlowToolBar.h"

#include <QAction>
#include <QFrame>
#include <QStyle>
#include <QToolButton>
#include <QWidget>

namespace EcoAtlas {

FlowLayout::FlowLayout(QWidget *parent, int spacing)
    : QLayout(parent)
{
    setSpacing(spacing);
    setContentsMargins(4, 2, 4, 2);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return doLayout(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item; the height follows from heightForWidth().
    QSize size;
    for (const QLayoutItem *item : m_items)
        size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // One row holding everything.
    int w = 0;
    int h = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        w += item->sizeHint().width() + spacing();
        h = std::max(h, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return QSize(w + m.left() + m.right(), h + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

int FlowLayout::rowCount(int width) const
{
    int rows = 0;
    doLayout(QRect(0, 0, width, 0), false, &rows);
    return rows;
}

int FlowLayout::doLayout(const QRect &rect, bool apply, int *rows) const
{
    const QMargins m = contentsMargins();
    const QRect area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom());
    const int gap = spacing();
    // Split into rows first, so that each row can centre its items vertically.
    QList<QList<QLayoutItem *>> lines(1);
    int x = 0;
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const int w = std::min(item->sizeHint().width(), std::max(1, area.width()));
        if (x > 0 && x + w > area.width()) {
            lines.append(QList<QLayoutItem *>());
            x = 0;
        }
        lines.last().append(item);
        x += w + gap;
    }
    int y = area.top();
    int used = 0;
    for (const QList<QLayoutItem *> &line : std::as_const(lines)) {
        if (line.isEmpty())
            continue;
        ++used;
        int h = 0;
        for (QLayoutItem *item : line)
            h = std::max(h, item->sizeHint().height());
        int left = area.left();
        for (QLayoutItem *item : line) {
            const QSize hint = item->sizeHint();
            const int w = std::min(hint.width(), std::max(1, area.width()));
            if (apply)
                item->setGeometry(QRect(left, y + (h - hint.height()) / 2, w, hint.height()));
            left += w + gap;
        }
        y += h + gap;
    }
    if (rows)
        *rows = used;
    return (used ? y - gap - area.top() : 0) + m.top() + m.bottom();
}

FlowToolBar::FlowToolBar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new FlowLayout(this))
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QWidget *FlowToolBar::addWidget(QWidget *widget)
{
    m_layout->addWidget(widget);
    return widget;
}

QAction *FlowToolBar::addAction(const QString &text)
{
    auto *action = new QAction(text, this);
    addAction(action);
    return action;
}

void FlowToolBar::addAction(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setAutoRaise(true);
    button->setIconSize(m_iconSize);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setDefaultAction(action);
    m_layout->addWidget(button);
}

void FlowToolBar::addSeparator()
{
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    line->setFixedHeight(20);
    m_layout->addWidget(line);
}

} // namespace EcoAtlas
