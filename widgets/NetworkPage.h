// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
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

private:
    void updateCompletion();
    void updateGroups();
    void applyFigureOptions();
    void search(const QString &text);

    LandscapeDocument *m_document;
    NetworkDiagramModel *m_model;
    ViewState *m_state;
    NetworkView *m_view;
    QLineEdit *m_search;
    QComboBox *m_labels;
    QComboBox *m_groups;
    QLineEdit *m_title;
    QLineEdit *m_subtitle;
};

} // namespace EcoAtlas
