// Scheduled functions months ahead must not fire at once (Node's 24.8-day timer limit).
import { installLongTimers } from "../local-backend/long-timers";

installLongTimers();
