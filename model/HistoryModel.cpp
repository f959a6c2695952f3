// SPDX-License-Identifier: MIT
#include "HistoryModel.h"
#include <QJsonObject>

#include "HistoryCsv.h"
#include "LandscapeDocument.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace EcoAtlas {

namespace {

/// `text` cut to `length` characters with "…", line breaks shown as spaces.
QString elided(QString text, int length)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    if (text.size() > length)
        text = text.left(length - 1) + QStringLiteral("…");
    return text;
}

} // namespace

HistoryModel::HistoryModel(LandscapeDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    if (document) {
        connect(document, &LandscapeDocument::landscapeChanged, this, &HistoryModel::reload);
        connect(document, &LandscapeDocument::landscapeReset, this, &HistoryModel::reload);
    }
    reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_error.clear();
    m_entries = m_document ? m_document->history(&m_error) : QList<HistoryEntry>{};
    std::reverse(m_entries.begin(), m_entries.end());
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

HistoryEntry HistoryModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : HistoryEntry{};
}

QString HistoryModel::valueText(const QString &json)
{
    if (json.isEmpty())
        return tr("(none)");
    if (json.trimmed() == QLatin1String("null"))
        return QStringLiteral("—");
    // Amounts as people read them: {"value": 4e9, "currency": "USD", "qualifier": "up_to"}
    // → "up to 4 billion USD".
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (doc.isObject() && doc.object().contains(QLatin1String("qualifier"))
        && !doc.object().contains(QLatin1String("key"))) {
        const QJsonObject o = doc.object();
        Amount a;
        if (o.value(QLatin1String("value")).isDouble())
            a.value = o.value(QLatin1String("value")).toDouble();
        a.currency = o.value(QLatin1String("currency")).toString();
        if (const auto q = Amount::qualifierFromName(
                    o.value(QLatin1String("qualifier")).toString()))
            a.qualifier = *q;
        return a.toDisplayString();
    }
    return historyValuePlainText(json);
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    switch (role) {
    case HistoryIndexRole:
        return int(m_entries.size()) - 1 - index.row();
    case EntryRole:
        return QVariant::fromValue(e);
    case KindRole:
        return int(e.kind);
    case RecordKeyRole:
        return e.recordKey;
    case TimeRole:
        return e.at;
    default:
        break;
    }
    if (role == SortRole && index.column() == WhenColumn)
        return e.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    QString text;
    switch (index.column()) {
    case WhenColumn:
        text = e.at.isValid() ? e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                              : QString();
        break;
    case UserColumn:
        text = e.user;
        break;
    case ActionColumn:
        text = e.action;
        break;
    case KindColumn:
        text = recordKindLabel(e.kind);
        break;
    case RecordColumn:
        text = e.recordTitle;
        break;
    case FieldColumn:
        text = e.field.isEmpty() ? tr("(whole record)") : e.field;
        break;
    case OldValueColumn:
        text = valueText(e.oldValue);
        break;
    case NewValueColumn:
        text = valueText(e.newValue);
        break;
    default:
        return {};
    }
    if (role == Qt::DisplayRole)
        return elided(text, kDisplayLength);
    return text;
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("When");
    case UserColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case KindColumn:
        return tr("Record kind");
    case RecordColumn:
        return tr("Record");
    case FieldColumn:
        return tr("Field");
    case OldValueColumn:
        return tr("Old value");
    case NewValueColumn:
        return tr("New value");
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(HistoryIndexRole, "historyIndex");
    names.insert(EntryRole, "entry");
    names.insert(KindRole, "recordKind");
    names.insert(RecordKeyRole, "recordKey");
    names.insert(TimeRole, "time");
    names.insert(SortRole, "sort");
    return names;
}

HistoryFilterProxyModel::HistoryFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(HistoryModel::SortRole);
}

void HistoryFilterProxyModel::setRecordText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void HistoryFilterProxyModel::setRecordKind(std::optional<RecordKind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

void HistoryFilterProxyModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    invalidateFilter();
}

bool HistoryFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex record = source->index(sourceRow, HistoryModel::RecordColumn, sourceParent);
    if (m_kind && record.data(HistoryModel::KindRole).toInt() != int(*m_kind))
        return false;
    const QString text = m_text.trimmed();
    if (!text.isEmpty()
        && !record.data(Qt::ToolTipRole).toString().contains(text, Qt::CaseInsensitive)
        && !record.data(HistoryModel::RecordKeyRole).toString().contains(text, Qt::CaseInsensitive))
        return false;
    if (m_from.isValid() || m_to.isValid()) {
        const QDate date = record.data(HistoryModel::TimeRole).toDateTime().toLocalTime().date();
        if (m_from.isValid() && date < m_from)
            return false;
        if (m_to.isValid() && date > m_to)
            return false;
    }
    return true;
}

} // namespace EcoAtlas
