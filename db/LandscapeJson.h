// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QByteArray>
#include <QJsonObject>

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

} // namespace LandscapeJson
} // namespace EcoAtlas
