// SPDX-License-Identifier: MIT
#include "TablePage.h"

#include "LandscapeTableModels.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace EcoAtlas {

namespace {
/// A table view that says whether a cell editor is open (QAbstractItemView::state() is
/// protected): a Return that commits an edit must not also open the record's form.
class RecordTableView : public QTableView
{
public:
    using QTableView::QTableView;
    bool isEditing() const { return state() == QAbstractItemView::EditingState; }
};
} // namespace

TablePage::TablePage(QAbstractItemModel *model,
                     const QString &kind,
                     bool withRoleFilter,
                     QWidget *parent)
    : QWidget(parent)
    , m_proxy(new LandscapeFilterProxyModel(this))
    , m_view(new RecordTableView(this))
    , m_search(new QLineEdit(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setKindFilter(kind);

    m_search->setPlaceholderText(tr("Search names in English or Chinese, aliases…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the table"));
    m_search->setToolTip(tr("Shows only rows whose names (English, Chinese or alias) contain the "
                            "text (Ctrl+F)"));
    connect(m_search, &QLineEdit::textChanged, m_proxy, &LandscapeFilterProxyModel::setTextFilter);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    if (withRoleFilter) {
        m_roles = new QComboBox(this);
        m_roles->setAccessibleName(tr("Role filter"));
        m_roles->setToolTip(tr("Show organizations of one role"));
        m_roles->addItem(tr("All roles"), QString());
        for (const QString &role : Vocabulary::roles())
            m_roles->addItem(Vocabulary::label(role), role);
        connect(m_roles, &QComboBox::currentIndexChanged, this, [this](int i) {
            m_proxy->setRoleFilter(m_roles->itemData(i).toString());
        });
        bar->addWidget(new QLabel(tr("Role:"), this));
        bar->addWidget(m_roles);
    }

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Editable cells (organizations' names, country, notes) open on double-click or F2.
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    // Column widths follow the contents once the table is first shown, and after a reload; an
    // edit keeps the widths and the current record.
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keptId = currentId();
        m_selecting = true; // the reset's own selection changes select nothing elsewhere
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_selecting = false;
        auto *source = qobject_cast<LandscapeTableModel *>(m_proxy->sourceModel());
        if (source && source->isResettingForEdit()) {
            if (m_keptId)
                selectRecord(m_keptId);
            return;
        }
        m_columnsFitted = false;
        if (isVisible())
            fitColumns();
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_view->indexAt(pos);
        if (at.isValid())
            m_view->selectionModel()->setCurrentIndex(
                    at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QMenu *menu = createContextMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    m_view->installEventFilter(this);
    // A double-click edits in place where the cell allows it, and opens the form elsewhere.
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid() && !(index.flags() & Qt::ItemIsEditable))
            if (const RowId id = index.siblingAtColumn(0).data(ModelRole::Id).toLongLong())
                emit editRequested(recordKind(), id);
    });
    // A row the user selects (click, keyboard) selects its organization everywhere. Only a
    // selection counts: entering the tab gives the view the focus, and Qt then makes the first
    // row current without selecting it, which must not replace the shared selection.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_selecting)
            return;
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const auto ids = rows.first().data(ModelRole::OrganizationIds).value<QList<qint64>>();
        if (!ids.isEmpty())
            emit organizationActivated(ids.first());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

RecordKind TablePage::recordKind() const
{
    auto *source = qobject_cast<LandscapeTableModel *>(m_proxy->sourceModel());
    return source ? source->recordKind() : RecordKind::Organization;
}

QString TablePage::kindFilter() const
{
    return m_proxy->kindFilter();
}

RowId TablePage::currentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(ModelRole::Id).toLongLong() : 0;
}

void TablePage::selectRecord(RowId id)
{
    selectFirstRow([id](const QModelIndex &index) {
        return index.data(ModelRole::Id).toLongLong() == id;
    });
}

void TablePage::selectFirstRow(const std::function<bool(const QModelIndex &)> &matches)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex index = m_proxy->index(r, 0);
        if (!matches(index))
            continue;
        m_selecting = true;
        m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
        m_selecting = false;
        return;
    }
}

QMenu *TablePage::createContextMenu()
{
    auto *menu = new QMenu(this);
    const RecordKind kind = recordKind();
    const RowId id = currentId();
    const QString noun = kind == RecordKind::Tie && !kindFilter().isEmpty()
                                 ? Vocabulary::label(kindFilter()).toLower()
                                 : recordKindName(kind);
    if (id) {
        QAction *edit = menu->addAction(tr("&Edit %1…").arg(noun), this, [this, kind, id] {
            emit editRequested(kind, id);
        });
        edit->setShortcut(QKeySequence(Qt::Key_Return));
    }
    QAction *add = menu->addAction(tr("&Add %1…").arg(noun), this, [this, kind] {
        emit addRequested(kind, kindFilter());
    });
    add->setShortcut(QKeySequence(Qt::Key_Insert));
    if (id) {
        const auto orgs = m_view->currentIndex()
                                  .siblingAtColumn(0)
                                  .data(ModelRole::OrganizationIds)
                                  .value<QList<qint64>>();
        if (!orgs.isEmpty())
            menu->addAction(tr("Show in &Network"), this, [this, org = orgs.first()] {
                emit showInNetworkRequested(org);
            });
        if (kind == RecordKind::Organization)
            menu->addAction(tr("&Merge Into…"), this, [this, id] { emit mergeRequested(id); });
        menu->addSeparator();
        QAction *del = menu->addAction(tr("&Delete %1…").arg(noun), this, [this, kind, id] {
            emit deleteRequested(kind, id);
        });
        del->setShortcut(QKeySequence::Delete);
    }
    return menu;
}

bool TablePage::eventFilter(QObject *watched, QEvent *event)
{
    // Keys that a cell editor passes on (its Return) are the editor's, not the table's.
    if (watched == m_view && event->type() == QEvent::KeyPress
        && !static_cast<RecordTableView *>(m_view)->isEditing()) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
            return QWidget::eventFilter(watched, event);
        switch (key->key()) {
        case Qt::Key_Insert:
            emit addRequested(recordKind(), kindFilter());
            return true;
        case Qt::Key_Delete:
            if (const RowId id = currentId()) {
                emit deleteRequested(recordKind(), id);
                return true;
            }
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (const RowId id = currentId()) {
                emit editRequested(recordKind(), id);
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TablePage::fitColumns()
{
    m_columnsFitted = true;
    QHeaderView *header = m_view->horizontalHeader();
    m_view->resizeColumnsToContents();
    for (int c = 0; c < header->count(); ++c)
        header->resizeSection(c, std::clamp(header->sectionSize(c) + 12, 60, 420));
}

void TablePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_columnsFitted)
        fitColumns();
    // A row selected while the page was hidden was scrolled to in a zero-sized viewport: show
    // it (or the top) properly now.
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_view->scrollTo(current, QAbstractItemView::PositionAtCenter);
    else
        m_view->scrollToTop();
}

void TablePage::selectOrganization(RowId id)
{
    if (id == 0) {
        m_selecting = true;
        m_view->selectionModel()->clearSelection();
        m_view->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
        m_selecting = false;
        return;
    }
    selectFirstRow([id](const QModelIndex &index) {
        const auto ids = index.data(ModelRole::OrganizationIds).value<QList<qint64>>();
        return !ids.isEmpty() && ids.first() == id;
    });
}

} // namespace EcoAtlas
