// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QTableView;

namespace EcoAtlas {

class HistoryFilterProxyModel;
class HistoryModel;
class LandscapeDocument;

/// The history panel (for a dock): the document's change history as a table (HistoryModel,
/// newest first, sortable), filtered by record text, record kind and an optional date range
/// (HistoryFilterProxyModel). "Revert" reverts the selected entry as a new undoable change
/// (LandscapeDocument::revert); "Export CSV…" writes the rows shown (writeHistoryCsv).
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(LandscapeDocument *document, QWidget *parent = nullptr);

    /// The table of history entries.
    QTableView *view() const { return m_view; }
    /// The history of the document (unfiltered, newest first).
    HistoryModel *model() const { return m_model; }
    /// The filter between model() and view().
    HistoryFilterProxyModel *proxy() const { return m_proxy; }
    /// The "Revert" button.
    QPushButton *revertButton() const { return m_revert; }
    /// The "Export CSV…" button.
    QPushButton *exportButton() const { return m_export; }

    /// Reverts the selected entry (LandscapeDocument::revert). False and `*error` when nothing
    /// is selected or the revert is refused.
    bool revertSelected(QString *error);
    /// Writes the rows shown (filtered, in the view's order) to `path` as CSV
    /// (writeHistoryCsv). False and `*error` when it cannot be written.
    bool exportShownRows(const QString &path, QString *error) const;

private:
    /// Row of model() selected in the view, or -1.
    int selectedSourceRow() const;
    /// Enables Revert for a selection in a writable document.
    void updateActions();
    /// Passes the date controls to the proxy (open range when "Dates" is unchecked).
    void applyDateRange();
    /// Asks for a file and exports the rows shown; warns when it fails.
    void exportWithDialog();

    QPointer<LandscapeDocument> m_document;
    HistoryModel *m_model;
    HistoryFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_kind;
    QCheckBox *m_dates;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableView *m_view;
    QPushButton *m_revert;
    QPushButton *m_export;
};

} // namespace EcoAtlas
