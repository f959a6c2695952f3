// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QDate>

#include <QString>
#include <array>

namespace EcoAtlas {

/// Which names label organizations in figures.
enum class LabelLanguage { English, Chinese, Both };

/// Options every figure shares, on screen and in exports.
struct FigureOptions
{
    QDate asOf; ///< the landscape as of this date; invalid = no date filter
    /// Range mode: with a valid `asOf`, only the ties that started between `rangeFrom` and
    /// `asOf` are shown. Invalid = as of `asOf`.
    QDate rangeFrom;
    LabelLanguage labels = LabelLanguage::Both;
    QString title;      ///< empty = the landscape's title
    QString subtitle;   ///< empty = generated (what is shown, as-of date)
    RowId selected = 0; ///< organization drawn as selected (screen only; 0 = none)
    /// Evidence grades drawn (indexed by EvidenceGrade; all by default): the network, sphere
    /// and tables exports leave out the ties of a grade switched off (`--grades`).
    GradeSet grades{true, true, true};
    bool showsGrade(EvidenceGrade grade) const { return grades[size_t(grade)]; }

    /// The most characters of one name (English or Chinese) in a figure: every label,
    /// legend entry and sentence that names an organization stays short however long the
    /// stored name is. The details panel and the JSON dump keep the full name.
    static constexpr int kMaxNameLength = 60;

    /// `name` cut to kMaxNameLength characters, ending in "…" (never inside a surrogate pair).
    static QString capped(const QString &name)
    {
        if (name.size() <= kMaxNameLength)
            return name;
        QString out = name.left(kMaxNameLength - 1);
        if (out.back().isHighSurrogate())
            out.chop(1);
        return out + QChar(0x2026);
    }

    /// The label of an organization in the chosen language(s): "Alibaba Cloud 阿里云" for Both;
    /// falls back to the English name when there is no Chinese one. Each name is capped().
    QString name(const Organization &o) const
    {
        const QString en = capped(o.nameEn);
        const QString zh = capped(o.nameZh);
        switch (labels) {
        case LabelLanguage::English:
            return en;
        case LabelLanguage::Chinese:
            return zh.isEmpty() ? en : zh;
        case LabelLanguage::Both:
            break;
        }
        return (zh.isEmpty() || o.nameZh == o.nameEn) ? en : en + QLatin1Char(' ') + zh;
    }

    /// True when the figure shows a range of start dates (rangeFrom and asOf both set).
    bool isRange() const { return rangeFrom.isValid() && asOf.isValid(); }
    /// What the figure's date filter shows, for subtitles: "as of 2023-10-29", "ties that
    /// started 2023-08-01 – 2023-10-29" or "all dates".
    QString dateText() const
    {
        if (isRange())
            return QStringLiteral("ties that started %1 \u2013 %2")
                    .arg(rangeFrom.toString(Qt::ISODate), asOf.toString(Qt::ISODate));
        if (asOf.isValid())
            return QStringLiteral("as of %1").arg(asOf.toString(Qt::ISODate));
        return QStringLiteral("all dates");
    }

    /// "en", "zh", "both" → LabelLanguage; false for anything else.
    static bool parseLabels(const QString &text, LabelLanguage *out)
    {
        if (text == QLatin1String("en"))
            *out = LabelLanguage::English;
        else if (text == QLatin1String("zh"))
            *out = LabelLanguage::Chinese;
        else if (text == QLatin1String("both"))
            *out = LabelLanguage::Both;
        else
            return false;
        return true;
    }
};

} // namespace EcoAtlas
