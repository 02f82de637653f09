// A table built once, by the first thread that asks, and then read by every thread without a lock.
#pragma once

#include <atomic>
#include <mutex>

namespace article::internal {

// std::call_once, whose every call (in libstdc++) stores the callable in thread-local slots and calls
// pthread_once: tens of instructions that rules paying it per token (match_phrase) spent a percent of an
// analysis on. Once the work is done, an acquire load says so.
class Once {
 public:
  template <class Work>
  void run(Work work) {
    if (done_.load(std::memory_order_acquire)) return;
    std::call_once(once_, [&] {
      work();
      done_.store(true, std::memory_order_release);
    });
  }

 private:
  std::atomic<bool> done_{false};
  std::once_flag once_;
};

}  // namespace article::internal
