// SPDX-License-Identifier: MIT
#include "HistoryCsv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace EcoAtlas {

QString historyValuePlainText(const QString &json)
{
    if (json.isEmpty())
        return {};
    const QJsonDocument wrapped = QJsonDocument::fromJson(QByteArray("[") + json.toUtf8()
                                                          + QByteArray("]"));
    if (!wrapped.isArray() || wrapped.array().size() != 1)
        return json; // not JSON: shown as recorded
    const QJsonValue value = wrapped.array().at(0);
    if (value.isNull())
        return {};
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
            .chopped(1)
            .mid(1);
}

QString csvCell(const QString &value)
{
    QString cell = value;
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
            || first == u'\r')
            cell.prepend(u'\'');
    }
    if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\r')
        || cell.contains(u'\n')) {
        cell.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        cell = u'"' + cell + u'"';
    }
    return cell;
}

QByteArray historyCsv(const QList<HistoryEntry> &entries)
{
    QString text = QStringLiteral("at_utc,user,action,record_kind,record_id,record_key,"
                                  "record_title,field,old_value,new_value\r\n");
    for (const HistoryEntry &e : entries) {
        const QStringList cells{e.at.toUTC().toString(Qt::ISODateWithMs),
                                e.user,
                                e.action,
                                recordKindName(e.kind),
                                QString::number(e.recordId),
                                e.recordKey,
                                e.recordTitle,
                                e.field,
                                historyValuePlainText(e.oldValue),
                                historyValuePlainText(e.newValue)};
        QStringList row;
        row.reserve(cells.size());
        for (const QString &c : cells)
            row.append(csvCell(c));
        text += row.join(u',') + QStringLiteral("\r\n");
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

bool writeHistoryCsv(const QList<HistoryEntry> &entries, const QString &path, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = historyCsv(entries);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace EcoAtlas
