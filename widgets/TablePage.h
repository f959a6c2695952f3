// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QAbstractItemModel;

namespace EcoAtlas {

class LandscapeFilterProxyModel;

/// One table of the landscape: a search field (English, Chinese or alias), an optional role
/// filter, and a sortable table view over a LandscapeFilterProxyModel on a shared model.
/// Emits organizationActivated when the user selects a row that concerns an organization.
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

signals:
    void organizationActivated(qint64 organizationId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    LandscapeFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_search;
    QComboBox *m_roles = nullptr;
    bool m_selecting = false;
    bool m_columnsFitted = false;
};

} // namespace EcoAtlas
