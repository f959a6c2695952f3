// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QDate>
#include <QString>

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
