// SPDX-License-Identifier: MIT
#pragma once

#include "Record.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace EcoAtlas {

/// The plain value of a history value (JSON text) for export: a JSON string without its
/// quotes and escapes, other JSON (numbers, booleans, arrays, objects) as compact JSON text;
/// null and "" (record absent) give an empty string.
QString historyValuePlainText(const QString &json);

/// One CSV cell as RFC 4180 writes it, guarded against formula injection: a value beginning
/// with = + - @ TAB or CR gets a leading "'", and a value holding a comma, quote, CR or LF is
/// quoted (inner quotes doubled).
QString csvCell(const QString &value);

/// `entries` as CSV text: UTF-8 with a byte-order mark, CRLF line ends, a header row
/// "at_utc,user,action,record_kind,record_id,record_key,record_title,field,old_value,
/// new_value", then one row per entry in the given order. at_utc is ISO 8601 in UTC with
/// milliseconds, record_kind the stable name ("organization"), values as
/// historyValuePlainText(); every cell goes through csvCell().
QByteArray historyCsv(const QList<HistoryEntry> &entries);

/// Writes historyCsv(`entries`) to `path` atomically (QSaveFile: the file is replaced only
/// when everything was written). False and `*error` when it cannot be written.
bool writeHistoryCsv(const QList<HistoryEntry> &entries, const QString &path, QString *error);

} // namespace EcoAtlas
