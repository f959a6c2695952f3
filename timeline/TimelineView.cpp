// SPDX-License-Identifier: MIT
#include "TimelineView.h"
