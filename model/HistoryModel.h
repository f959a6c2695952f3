// SPDX-License-Identifier: MIT
#pragma once

#include "Record.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QPointer>
#include <QSortFilterProxyModel>

#include <optional>

namespace EcoAtlas {

class LandscapeDocument;

/// The change history of a LandscapeDocument as a read-only table, newest entry first. Values
/// are shown readable: a JSON string without its quotes, null as "—", a record that did not
/// (or no longer) exist as "(none)"; DisplayRole cuts long values (whole records) to
/// kDisplayLength characters, ToolTipRole holds the full text. Reloads on the document's
/// landscapeChanged() and landscapeReset().
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        WhenColumn,     ///< local time, "yyyy-MM-dd HH:mm:ss"
        UserColumn,     ///< who made the change
        ActionColumn,   ///< the action's text ("Edit notes")
        KindColumn,     ///< record kind label ("Organization")
        RecordColumn,   ///< record title
        FieldColumn,    ///< JSON member, or "(whole record)"
        OldValueColumn, ///< value before
        NewValueColumn, ///< value after
        ColumnCount
    };
    enum Role : int {
        HistoryIndexRole = Qt::UserRole + 1, ///< int: index of the entry in document->history()
        EntryRole,                           ///< HistoryEntry of the row
        KindRole,                            ///< int: the row's RecordKind
        RecordKeyRole,                       ///< QString: the record's key
        TimeRole,                            ///< QDateTime (UTC) of the change
        SortRole, ///< value to sort the column by (history id for When, else the text)
    };
    /// DisplayRole values longer than this are cut with "…".
    static constexpr int kDisplayLength = 120;

    explicit HistoryModel(LandscapeDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The entry shown in `row` (a default entry for a row out of range).
    HistoryEntry entry(int row) const;
    /// Every entry, newest first, as shown.
    const QList<HistoryEntry> &entries() const { return m_entries; }
    /// Why the last reload could not read the history, or empty.
    QString errorString() const { return m_error; }
    /// Reads the history from the document again.
    void reload();

    /// The full readable text of a history value (JSON text): "Zhipu AI" for "\"Zhipu AI\"",
    /// "—" for null, "(none)" for "" (record absent), compact JSON for arrays and objects.
    static QString valueText(const QString &json);

private:
    QPointer<LandscapeDocument> m_document;
    QList<HistoryEntry> m_entries; ///< newest first
    QString m_error;
};

/// Filters a HistoryModel by record text (a case-insensitive part of the record's title or
/// key), by record kind and by a range of local dates (both ends included; an invalid date
/// leaves that end open). Sorts by HistoryModel::SortRole.
class HistoryFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HistoryFilterProxyModel(QObject *parent = nullptr);

    /// Keeps rows whose record title or key contains `text` (case-insensitive); empty keeps all.
    void setRecordText(const QString &text);
    QString recordText() const { return m_text; }
    /// Keeps rows of record kind `kind`; nullopt keeps all.
    void setRecordKind(std::optional<RecordKind> kind);
    std::optional<RecordKind> recordKind() const { return m_kind; }
    /// Keeps rows changed on local dates `from` to `to`, both included; an invalid date leaves
    /// that end open.
    void setDateRange(const QDate &from, const QDate &to);
    QDate fromDate() const { return m_from; }
    QDate toDate() const { return m_to; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<RecordKind> m_kind;
    QDate m_from;
    QDate m_to;
};

} // namespace EcoAtlas
