// SPDX-License-Identifier: MIT
#include "TimelinePage.h"
