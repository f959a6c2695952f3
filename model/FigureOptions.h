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
    LabelLanguage labels = LabelLanguage::Both;
    QString title;      ///< empty = the landscape's title
    QString subtitle;   ///< empty = generated (what is shown, as-of date)
    RowId selected = 0; ///< organization drawn as selected (screen only; 0 = none)
    /// Evidence grades drawn (indexed by EvidenceGrade; all by default): the network, sphere
    /// and tables exports leave out the ties of a grade switched off (`--grades`).
    std::array<bool, 3> grades{true, true, true};
    bool showsGrade(EvidenceGrade grade) const { return grades[size_t(grade)]; }

    /// The label of an organization in the chosen language(s): "Alibaba Cloud 阿里云" for Both;
    /// falls back to the English name when there is no Chinese one.
    QString name(const Organization &o) const
    {
        switch (labels) {
        case LabelLanguage::English:
            return o.nameEn;
        case LabelLanguage::Chinese:
            return o.nameZh.isEmpty() ? o.nameEn : o.nameZh;
        case LabelLanguage::Both:
            break;
        }
        return (o.nameZh.isEmpty() || o.nameZh == o.nameEn)
                       ? o.nameEn
                       : o.nameEn + QLatin1Char(' ') + o.nameZh;
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
