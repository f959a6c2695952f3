// SPDX-License-Identifier: MIT
#pragma once

#include "Exporter.h"
#include "FigureOptions.h"
#include "ViewExport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace EcoAtlas {

class LandscapeDocument;

/// File › Export View: the view, format (PNG, SVG, PDF), size in pixels or millimetres, DPI for
/// PNG, transparent background, as-of date and label language; "Export…" writes a file through
/// ViewExport (the same renderer as the command line), "Copy to Clipboard" puts the PNG image on
/// the clipboard. Choices are remembered (QSettings).
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    /// `live` are the window's views (exports draw exactly them), `view` the one to preselect,
    /// `figure` its current options (labels, title, subtitle, as-of date).
    ExportDialog(LandscapeDocument *document,
                 LiveViews live,
                 const QString &view,
                 const FigureOptions &figure,
                 QWidget *parent = nullptr);

    /// The current choices as export and figure options (path left empty).
    Exporter::Options exportOptions() const;
    FigureOptions figureOptions() const;
    QString view() const;
    /// The date field and its "As of" check box (for tests).
    QDateEdit *asOfField() const { return m_asOf; }
    QCheckBox *asOfCheck() const { return m_useAsOf; }
    /// The confirmation line under the form ("Copied … to the clipboard").
    QLabel *confirmation() const { return m_confirmation; }

    /// Writes the view to `path` with the current choices (no file dialog); on success emits
    /// exported() and returns true, on failure sets `error`.
    bool exportTo(const QString &path, QString *error);
    /// Puts the view on the clipboard as a PNG image; says so in confirmation() and emits
    /// exported(). Returns false (and sets `error`) on failure.
    bool copyTo(QString *error);

signals:
    /// A file was written or the clipboard filled: `message` says what and where (for the
    /// status bar).
    void exported(const QString &message);

private:
    void resetSize();
    void exportToFile();
    void copyToClipboard();
    void saveSettings() const;
    double unitFactor() const;

    LandscapeDocument *m_document;
    LiveViews m_live;
    FigureOptions m_figure;
    QComboBox *m_view;
    QComboBox *m_format;
    QDoubleSpinBox *m_width;
    QDoubleSpinBox *m_height;
    QComboBox *m_unit;
    QSpinBox *m_dpi;
    QCheckBox *m_transparent;
    QCheckBox *m_useAsOf;
    QDateEdit *m_asOf;
    QComboBox *m_labels;
    QLabel *m_pixels;
    QLabel *m_confirmation;
};

} // namespace EcoAtlas
