// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"
#include "Record.h"

#include <QByteArray>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace EcoAtlas {

/// Reads and writes the landscape JSON format (docs/landscape-json.md): writes version 2, reads 1
/// and 2.
namespace LandscapeJson {

/// How toJson() writes a landscape.
enum class Style {
    Seed, ///< keys only, dates as text: the format the seed file is written in
    Dump  ///< adds each row's database `id` and writes dates as objects with their span
};

/// Parses and validates a whole document. Every reference must resolve, every enumerated
/// value must be from its vocabulary, dates must parse and amounts must be consistent
/// (qualifier "undisclosed" exactly when the value is null). Objects get ids 1…n in file
/// order. On failure returns nullopt and sets `*error` to one line naming the place, e.g.
/// "ties[3] (minimax-volcano).from: unknown organization 'minimx'".
std::optional<Landscape> fromJson(const QByteArray &json, QString *error);
/// As above, from an already parsed object.
std::optional<Landscape> fromJson(const QJsonObject &root, QString *error);

/// Writes the landscape as a JSON document. `landscape` must be indexed (Landscape::index()).
QJsonObject toJson(const Landscape &landscape, Style style);

/// One record as its section's object in the seed style (references as keys of `landscape`,
/// dates as text). The forms edit this object; the history stores its members.
QJsonObject recordToJson(const Landscape &landscape, const Record &record);

/// Reads one record of `kind` from `object` as the document reader would (version 2), with
/// references resolved against `context` (keys → ids) and the id `id`. Organization
/// countries must be ISO 3166 alpha-2 codes. Key uniqueness is the caller's check. On failure
/// returns nullopt, sets `*error` to the message ("is required", "unknown organization 'x'")
/// and `*member` to the JSON member at fault ("start", "amount"), or "" for the whole record.
std::optional<Record> recordFromJson(RecordKind kind,
                                     const QJsonObject &object,
                                     const Landscape &context,
                                     RowId id,
                                     QString *error,
                                     QString *member = nullptr);

/// recordFromJson() for many records against one context: the context's keys are read once.
/// Valid while `context` is unchanged.
class RecordReader
{
public:
    explicit RecordReader(const Landscape &context);
    ~RecordReader();
    RecordReader(const RecordReader &) = delete;
    RecordReader &operator=(const RecordReader &) = delete;
    /// As recordFromJson().
    std::optional<Record> read(RecordKind kind,
                               const QJsonObject &object,
                               RowId id,
                               QString *error,
                               QString *member = nullptr);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// The history entries of `changes`: one per changed member of each changed record (old and
/// new value as JSON text), one per added or deleted record (the whole record as a JSON
/// object). `before` and `after` are the landscape before and after the change (references
/// are named by their keys there). Stamped with the current UTC time and user name.
QList<HistoryEntry> describeChanges(const ChangeSet &changes,
                                    const Landscape &before,
                                    const Landscape &after);

} // namespace LandscapeJson
} // namespace EcoAtlas
