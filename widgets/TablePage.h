// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"
#include "Record.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QMenu;
class QLineEdit;
class QTableView;
class QAbstractItemModel;

namespace EcoAtlas {

class LandscapeFilterProxyModel;

/// One table of the landscape: a search field (English, Chinese or alias), an optional role
/// filter, and a sortable table view over a LandscapeFilterProxyModel on a shared model.
/// Emits organizationActivated when the user selects a row that concerns an organization.
/// Records are added, edited and deleted from here: Insert adds, Return edits the current row
/// in its form (F2 or a double-click edits a cell in place where the model allows it), Delete
/// deletes, and the context menu offers the same plus Show in Network and, for organizations,
/// Merge Into. The page only asks (signals); the window runs the forms and the document
/// applies the change. After an edit the current record stays current (by id).
class TablePage : public QWidget
{
    Q_OBJECT
public:
    /// `kind` restricts the rows to one ModelRole::Kind (e.g. "investment"); `withRoleFilter`
    /// adds a role combo box (for organizations).
    TablePage(QAbstractItemModel *model,
              const QString &kind,
              bool withRoleFilter,
              QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    LandscapeFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *searchField() const { return m_search; }
    /// Selects the first row that concerns organization `id`, or clears the selection for 0
    /// (no signal emitted).
    void selectOrganization(RowId id);
    /// Sizes the columns to their contents, each between 60 and 420 px (long statements and
    /// titles show in full in the tooltip); the last column does not take the spare width.
    void fitColumns();

    /// The kind of record the rows are.
    RecordKind recordKind() const;
    /// The record id of the current row, or 0.
    RowId currentId() const;
    /// Makes the row of record `id` current and selected (no organizationActivated).
    void selectRecord(RowId id);
    /// The tie kind this page shows ("" for all kinds, and for other records).
    QString kindFilter() const;
    /// The context menu for the current row (or for the page when none): built fresh, the
    /// caller owns it (for tests; the view shows it on right-click).
    QMenu *createContextMenu();

signals:
    void organizationActivated(qint64 organizationId);
    /// The user asks to add a record of `kind` (for ties, of `tieKind`).
    void addRequested(EcoAtlas::RecordKind kind, const QString &tieKind);
    /// The user asks to edit record `id` in its form.
    void editRequested(EcoAtlas::RecordKind kind, qint64 id);
    /// The user asks to delete record `id`.
    void deleteRequested(EcoAtlas::RecordKind kind, qint64 id);
    /// The user asks to merge organization `id` into another.
    void mergeRequested(qint64 id);
    /// The user asks to see organization `id` in the network diagram.
    void showInNetworkRequested(qint64 organizationId);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    LandscapeFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_search;
    QComboBox *m_roles = nullptr;
    bool m_selecting = false;
    bool m_columnsFitted = false;
    RowId m_keptId = 0; ///< current record across an edit's model reset
    /// Makes the first row (column 0 index) for which `matches` holds current and selected,
    /// without organizationActivated.
    void selectFirstRow(const std::function<bool(const QModelIndex &)> &matches);
};

} // namespace EcoAtlas
