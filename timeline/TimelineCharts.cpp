// SPDX-License-Identifier: MIT
#include "TimelineCharts.h"
