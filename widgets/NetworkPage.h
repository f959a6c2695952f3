// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QToolButton;
class QUndoStack;

namespace EcoAtlas {

class NetworkDiagramModel;
class NetworkView;
class ViewState;
class LandscapeDocument;

/// The network diagram tab: a tool bar (search with completion in English, Chinese and aliases;
/// label language; size measure; tie-kind, role and group filters; as-of date and which time it
/// uses; title and subtitle; fit and re-layout) above the NetworkView.
class NetworkPage : public QWidget
{
    Q_OBJECT
public:
    NetworkPage(LandscapeDocument *document,
                NetworkDiagramModel *model,
                ViewState *state,
                QUndoStack *undo,
                QWidget *parent = nullptr);
    NetworkView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    /// The title and subtitle fields (typed text is kept per database file, QSettings).
    QLineEdit *titleField() const { return m_title; }
    QLineEdit *subtitleField() const { return m_subtitle; }
    /// The filter buttons: "Ties", "Evidence", "Roles" (their menus stay open while toggling).
    QToolButton *filterButton(const QString &name) const;
    /// The "Group subsidiaries" toggle.
    QToolButton *groupButton() const { return m_groupButton; }
    /// The page's commands, for the window's Network menu: fit (Ctrl+0), re-layout (Ctrl+L),
    /// group subsidiaries (checkable), cycle the label language (Ctrl+Shift+L).
    QList<QAction *> commands() const
    {
        return {m_fitAction, m_relayoutAction, m_groupAction, m_cycleAction};
    }
    /// The sentence shown instead of an empty diagram: why nothing passes the filters.
    QString emptyReason() const;

public slots:
    /// Centres on the organization whose name, Chinese name or alias matches `text` and
    /// selects it; with no match clears the selection and says so (statusMessage).
    void search(const QString &text);
    /// Lays the diagram out afresh as one undoable step and fits it to the view; says so when
    /// nothing changes.
    void relayout();

signals:
    /// A message for the status bar (`timeout` in ms).
    void statusMessage(const QString &message, int timeout);

private:
    void updateCompletion();
    void updateGroups();
    void applyFigureOptions();
    void loadTitles();
    void storeTitles();

    LandscapeDocument *m_document;
    NetworkDiagramModel *m_model;
    ViewState *m_state;
    NetworkView *m_view;
    QLineEdit *m_search;
    QComboBox *m_labels;
    QComboBox *m_groups;
    QLineEdit *m_title;
    QLineEdit *m_subtitle;
    QUndoStack *m_undo;
    QToolButton *m_groupButton = nullptr;
    QAction *m_groupAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_relayoutAction = nullptr;
    QAction *m_cycleAction = nullptr;
    QHash<QString, QToolButton *> m_filterButtons;
};

} // namespace EcoAtlas
