// SPDX-License-Identifier: MIT
#include "HistoryPanel.h"

#include "HistoryCsv.h"
#include "HistoryModel.h"
#include "LandscapeDocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>

#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace EcoAtlas {

HistoryPanel::HistoryPanel(LandscapeDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new HistoryModel(document, this))
    , m_proxy(new HistoryFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_dates(new QCheckBox(tr("Dates"), this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_view(new QTableView(this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_export(new QPushButton(tr("Export Rows Shown as CSV…"), this))
{
    m_proxy->setSourceModel(m_model);

    m_search->setPlaceholderText(tr("Record"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search records in the history"));
    m_search->setToolTip(tr("Shows only changes of records whose title or key contains this "
                            "text (any case)"));
    connect(m_search, &QLineEdit::textChanged, m_proxy, &HistoryFilterProxyModel::setRecordText);

    m_kind->addItem(tr("All records"), -1);
    for (RecordKind kind : kRecordKinds)
        m_kind->addItem(recordKindLabel(kind), int(kind));
    m_kind->setAccessibleName(tr("Record kind filter"));
    m_kind->setToolTip(tr("Shows only changes of one kind of record"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_kind->currentData().toInt();
        m_proxy->setRecordKind(kind < 0 ? std::nullopt
                                        : std::optional<RecordKind>(RecordKind(kind)));
    });

    const QDate today = QDate::currentDate();
    m_dates->setAccessibleName(tr("Filter by dates"));
    m_dates->setToolTip(tr("Shows only changes made from the first date to the second, both "
                           "included"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, &HistoryPanel::applyDateRange);
    }
    m_from->setDate(today.addMonths(-1));
    m_to->setDate(today);
    m_from->setAccessibleName(tr("From date"));
    m_from->setToolTip(tr("First day of changes shown (local time)"));
    m_to->setAccessibleName(tr("To date"));
    m_to->setToolTip(tr("Last day of changes shown (local time)"));
    connect(m_dates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        applyDateRange();
    });

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HistoryModel::WhenColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setMinimumHeight(160);
    // Columns follow their text (capped), so actions and records are not cut to a few letters.
    auto fit = [this] {
        m_view->resizeColumnsToContents();
        for (int c = 0; c < m_view->horizontalHeader()->count(); ++c)
            m_view->horizontalHeader()->resizeSection(
                    c, std::clamp(m_view->horizontalHeader()->sectionSize(c) + 8, 50, 320));
    };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, fit);
    m_view->setAccessibleName(tr("Change history"));
    m_view->setToolTip(tr("Every recorded change, newest first; select one to revert it"));
    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &HistoryPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &HistoryPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &HistoryPanel::updateActions);

    m_revert->setAccessibleName(tr("Revert the selected change"));
    m_revert->setToolTip(tr("Gives the field of the selected change its old value back (an "
                            "added record is deleted, a deleted one restored), as a new change "
                            "that can be undone"));
    connect(m_revert, &QPushButton::clicked, this, [this] {
        QString error;
        if (!revertSelected(&error)) {
            // The message names records: plain text, never markup.
            QMessageBox box(QMessageBox::Warning,
                            tr("Revert"),
                            tr("Cannot revert: %1").arg(error),
                            QMessageBox::Ok,
                            this);
            box.setTextFormat(Qt::PlainText);
            box.exec();
        }
    });
    m_export->setAccessibleName(tr("Export the history as CSV"));
    m_export->setToolTip(tr("Writes the changes shown to a CSV file (UTF-8) for a spreadsheet"));
    connect(m_export, &QPushButton::clicked, this, &HistoryPanel::exportWithDialog);

    if (document) {
        // Another file: its history, unfiltered.
        connect(document, &LandscapeDocument::landscapeReset, this, [this] {
            m_search->clear();
            m_kind->setCurrentIndex(0);
            m_dates->setChecked(false);
        });
        connect(document, &LandscapeDocument::landscapeReset, this, &HistoryPanel::updateActions);
        connect(document, &LandscapeDocument::landscapeChanged, this, &HistoryPanel::updateActions);
    }

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_kind, 1);
    filters->addWidget(m_dates);
    filters->addWidget(m_from);
    auto *dash = new QLabel(QStringLiteral("–"), this);
    dash->setAccessibleName(tr("to"));
    filters->addWidget(dash);
    filters->addWidget(m_to);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    updateActions();
}

int HistoryPanel::selectedSourceRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_proxy->mapToSource(rows.first()).row();
}

void HistoryPanel::updateActions()
{
    const bool writable = m_document && !m_document->isReadOnly();
    m_revert->setEnabled(writable && selectedSourceRow() >= 0);
}

void HistoryPanel::applyDateRange()
{
    if (m_dates->isChecked())
        m_proxy->setDateRange(m_from->date(), m_to->date());
    else
        m_proxy->setDateRange(QDate(), QDate());
}

bool HistoryPanel::revertSelected(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const int row = selectedSourceRow();
    if (row < 0) {
        *error = tr("no change is selected");
        return false;
    }
    if (!m_document) {
        *error = tr("no document is open");
        return false;
    }
    return m_document->revert(m_model->entry(row), error);
}

bool HistoryPanel::exportShownRows(const QString &path, QString *error) const
{
    QList<HistoryEntry> shown;
    shown.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown.append(m_model->entry(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    return writeHistoryCsv(shown, path, error);
}

void HistoryPanel::exportWithDialog()
{
    QString path = QFileDialog::getSaveFileName(
            this, tr("Export history"), QStringLiteral("history.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    QString error;
    if (!exportShownRows(path, &error))
        QMessageBox::warning(this, tr("Export history"), error);
}

} // namespace EcoAtlas
