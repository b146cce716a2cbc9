/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Bridges between the ns-3 API the module is written against (3.37) and waf-era
 * ns-3 (3.31 to 3.35).
 *
 * The waf build (wscript) force-includes this header (`-include`) into every pmipv6
 * translation unit, before any ns-3 header, and defines PMIPV6_NS3_VERSION (e.g. 331 for
 * ns-3.31, read from the tree's VERSION file). The CMake build (ns-3 >= 3.36) does not
 * define PMIPV6_NS3_VERSION: then this header adds nothing.
 */

#ifndef PMIPV6_NS3_COMPAT_H
#define PMIPV6_NS3_COMPAT_H

#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION < 336

#if __cplusplus < 201703L
#error "pmipv6 needs C++17: configure ns-3 with --cxx-standard=-std=c++17"
#endif

#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

namespace ns3
{

template <typename T>
class Ptr;

/// Bridges to waf-era ns-3; see pmipv6-ns3-compat.h.
namespace pmipv6compat
{

/**
 * \ingroup pmipv6
 * \brief A function object that a waf-era Callback can hold: its FunctorCallbackImpl
 * compares functors with !=, which a lambda does not have. Copies compare equal.
 */
template <typename F>
class ComparableFunctor
{
  public:
    /// \param f the function object
    explicit ComparableFunctor(F f)
        : m_f(std::make_shared<F>(std::move(f)))
    {
    }

    /**
     * \brief Calls the function object.
     * \param args the arguments
     * \return what it returns
     */
    template <typename... A>
    auto operator()(A&&... args) const
        -> decltype(std::declval<const F&>()(std::forward<A>(args)...))
    {
        return (*m_f)(std::forward<A>(args)...);
    }

    /**
     * \param other another functor
     * \return whether they are not copies of one another
     */
    bool operator!=(const ComparableFunctor& other) const
    {
        return m_f != other.m_f;
    }

  private:
    std::shared_ptr<F> m_f; ///< the function object, shared by the copies
};

/// Whether T is an ns3::Ptr (Callback has a constructor of its own for those).
template <typename T>
struct IsPtr : std::false_type
{
};

/// Whether T is an ns3::Ptr.
template <typename T>
struct IsPtr<Ptr<T>> : std::true_type
{
};

} // namespace pmipv6compat

} // namespace ns3

// Callback<R, Args...> (f) for a function object f (a lambda), as the std::function based
// Callback of ns-3 >= 3.37 has it: the one-argument constructor is added to the class while
// callback.h is read (here, first), in front of its IsNull member, the one place where that
// name occurs. It forwards to the functor constructor of waf-era ns-3. Bind with more than
// one argument is added the same way (it binds them one at a time). The unused
// declaration `bool Pmipv6CompatFunctorConstructor() const;` takes the `bool` in front of
// IsNull.
#define IsNull                                                                                     \
    Pmipv6CompatFunctorConstructor() const;                                                        \
    template <                                                                                     \
        typename PMIPV6_F,                                                                         \
        typename std::enable_if<                                                                   \
            std::is_class<typename std::decay<PMIPV6_F>::type>::value &&                           \
                !std::is_base_of<CallbackBase, typename std::decay<PMIPV6_F>::type>::value &&      \
                !ns3::pmipv6compat::IsPtr<typename std::decay<PMIPV6_F>::type>::value,             \
            int>::type = 0>                                                                        \
    Callback(PMIPV6_F f)                                                                           \
        : Callback(ns3::pmipv6compat::ComparableFunctor<PMIPV6_F>(std::move(f)), true, true)       \
    {                                                                                              \
    }                                                                                              \
    template <typename PMIPV6_A, typename PMIPV6_B, typename... PMIPV6_C>                          \
    auto Bind(PMIPV6_A a, PMIPV6_B b, PMIPV6_C... c)                                               \
    {                                                                                              \
        return Bind(a).Bind(b, c...);                                                              \
    }                                                                                              \
    bool IsNull
#include "ns3/callback.h"
#undef IsNull

#include "ns3/event-impl.h"

namespace ns3
{

namespace pmipv6compat
{

/// A list of types.
template <typename... T>
struct TypeList
{
};

/// The list L without its first type.
template <typename L>
struct Tail;

/// The list L without its first type.
template <typename T, typename... Ts>
struct Tail<TypeList<T, Ts...>>
{
    using type = TypeList<Ts...>; ///< the list
};

/// The list L without its first N types.
template <std::size_t N, typename L>
struct Drop
{
    using type = typename Drop<N - 1, typename Tail<L>::type>::type; ///< the list
};

/// Nothing to drop.
template <typename L>
struct Drop<0, L>
{
    using type = L; ///< the list
};

/// Builds a Callback<R, Args...> from a member function with its first arguments bound.
template <typename R, typename L>
struct BoundCallback;

/// Builds a Callback<R, Args...> from a member function with its first arguments bound.
template <typename R, typename... Args>
struct BoundCallback<R, TypeList<Args...>>
{
    /**
     * \param mem the member function
     * \param obj the object (pointer or Ptr)
     * \param bound the values of its first arguments
     * \return the callback taking the remaining arguments
     */
    template <typename M, typename O, typename... B>
    static Callback<R, Args...> Make(M mem, O obj, B... bound)
    {
        auto f = [mem, obj, bound...](Args... args) -> R {
            return ((*obj).*mem)(bound..., std::forward<Args>(args)...);
        };
        return Callback<R, Args...>(ComparableFunctor<decltype(f)>(std::move(f)), true, true);
    }
};

} // namespace pmipv6compat

/**
 * \ingroup pmipv6
 * \brief MakeCallback (&T::F, obj, a1, ...) with bound leading arguments, as ns-3 >= 3.37.
 * \param mem the member function
 * \param obj the object
 * \param b1 the first bound argument
 * \param bs the further bound arguments
 * \return the callback taking the remaining arguments
 */
template <typename R, typename T, typename OBJ, typename... Ps, typename B1, typename... Bs>
auto
MakeCallback(R (T::*mem)(Ps...), OBJ obj, B1 b1, Bs... bs)
{
    using Rest =
        typename pmipv6compat::Drop<1 + sizeof...(Bs), pmipv6compat::TypeList<Ps...>>::type;
    return pmipv6compat::BoundCallback<R, Rest>::Make(mem, obj, b1, bs...);
}

/**
 * \ingroup pmipv6
 * \brief MakeCallback (&T::F, obj, a1, ...) for a const member function.
 * \param mem the member function
 * \param obj the object
 * \param b1 the first bound argument
 * \param bs the further bound arguments
 * \return the callback taking the remaining arguments
 */
template <typename R, typename T, typename OBJ, typename... Ps, typename B1, typename... Bs>
auto
MakeCallback(R (T::*mem)(Ps...) const, OBJ obj, B1 b1, Bs... bs)
{
    using Rest =
        typename pmipv6compat::Drop<1 + sizeof...(Bs), pmipv6compat::TypeList<Ps...>>::type;
    return pmipv6compat::BoundCallback<R, Rest>::Make(mem, obj, b1, bs...);
}

/**
 * \ingroup pmipv6
 * \brief MakeEvent for a function object (a lambda), as ns-3 >= 3.36 has it.
 *
 * Before 3.36, Simulator::Schedule (delay, f) with f a lambda ends in an unqualified call
 * MakeEvent (f), which found no overload. This one is declared before simulator.h is read
 * (the header is force-included), so the call finds it. Only class types take it: function
 * pointers keep MakeEvent (void (*)()).
 *
 * \param f the function object, called once with no argument
 * \return the event
 */
template <
    typename F,
    typename std::enable_if<std::is_class<typename std::decay<F>::type>::value, int>::type = 0>
EventImpl*
MakeEvent(F f)
{
    /// The event: calls a copy of the function object.
    class FunctorEvent : public EventImpl
    {
      public:
        /// \param function the function object
        explicit FunctorEvent(F function)
            : m_function(std::move(function))
        {
        }

      private:
        void Notify() override
        {
            m_function();
        }

        F m_function; ///< the function object
    };

    return new FunctorEvent(std::move(f));
}

} // namespace ns3

// WifiStandard (3.32) replaced WifiPhyStandard; the 802.11a value kept its meaning.
#if PMIPV6_NS3_VERSION < 332
#define WIFI_STANDARD_80211a WIFI_PHY_STANDARD_80211a
#endif

// ns-3.31's ApWifiMac has no AssociatedSta / DeAssociatedSta trace sources: a Wi-Fi MAG
// learns association from its stations' StaWifiMac Assoc / DeAssoc traces instead
// (model/pmipv6-wifi-association-bridge.h).
#if PMIPV6_NS3_VERSION <= 331
#define PMIPV6_WIFI_ASSOCIATION_FROM_STATIONS 1
#endif

// Icmpv6OptionPrefixInformation's flag names (3.34): the enum is added to the class while
// icmpv6-header.h is read, in front of SetValidTime, the one place where that name occurs.
#if PMIPV6_NS3_VERSION < 334
#define SetValidTime                                                                               \
    Pmipv6CompatFlags() const;                                                                     \
    /** Prefix Information flags (RFC 4861 4.6.2), as named by ns-3 >= 3.34. */                    \
    enum Flags_t                                                                                   \
    {                                                                                              \
        NONE = 0,                                                                                  \
        ROUTERADDR = 32,                                                                           \
        AUTADDRCONF = 64,                                                                          \
        ONLINK = 128                                                                               \
    };                                                                                             \
    void SetValidTime
#include "ns3/icmpv6-header.h"
#undef SetValidTime
#endif

#if PMIPV6_NS3_VERSION < 335
// Ipv6Header::GetSource/GetDestination/SetSource/SetDestination (3.35) were
// Get/SetSourceAddress and Get/SetDestinationAddress before. While ipv6-header.h is read
// (here, first, under its include guard), each older declaration is preceded by an inline
// member of the newer name that forwards to it (a macro does not expand inside its own
// expansion, so the older name stays as it is). Inline non-virtual members: the class's
// layout and the library's symbols are unchanged.
#define SetSourceAddress                                                                           \
    SetSource(Ipv6Address address)                                                                 \
    {                                                                                              \
        SetSourceAddress(address);                                                                 \
    }                                                                                              \
    void SetSourceAddress
#define SetDestinationAddress                                                                      \
    SetDestination(Ipv6Address address)                                                            \
    {                                                                                              \
        SetDestinationAddress(address);                                                            \
    }                                                                                              \
    void SetDestinationAddress
#define GetSourceAddress                                                                           \
    GetSource() const                                                                              \
    {                                                                                              \
        return GetSourceAddress();                                                                 \
    }                                                                                              \
    Ipv6Address GetSourceAddress
#define GetDestinationAddress                                                                      \
    GetDestination() const                                                                         \
    {                                                                                              \
        return GetDestinationAddress();                                                            \
    }                                                                                              \
    Ipv6Address GetDestinationAddress
#include "ns3/ipv6-header.h"
#undef SetSourceAddress
#undef SetDestinationAddress
#undef GetSourceAddress
#undef GetDestinationAddress
#endif // PMIPV6_NS3_VERSION < 335

// Time scaled by a floating-point number. ns-3.37 multiplies and divides through
// int64x64_t (Time * 0.8 is 80 % of it); ns-3.31 has only int64_t and int64x64_t overloads,
// so a double argument converted to int64_t: Time * 0.8 was 0, and every binding refresh
// (lifetime x RefreshFraction) fired at once. These templates, chosen over that conversion,
// give the ns-3.37 meaning. Checked on ns-3.31 only: a release that has them already would
// see a redefinition, so the block names 3.31.
#if PMIPV6_NS3_VERSION <= 331
#include "ns3/nstime.h"

namespace ns3
{
/**
 * \brief Time scaled by a floating-point factor, as ns-3.37 computes it.
 * \param lhs the time
 * \param rhs the factor
 * \return lhs x rhs
 */
template <class T>
typename std::enable_if<std::is_floating_point<T>::value, Time>::type
operator*(const Time& lhs, T rhs)
{
    return lhs * int64x64_t(rhs);
}

/**
 * \brief Time scaled by a floating-point factor, as ns-3.37 computes it.
 * \param lhs the factor
 * \param rhs the time
 * \return lhs x rhs
 */
template <class T>
typename std::enable_if<std::is_floating_point<T>::value, Time>::type
operator*(T lhs, const Time& rhs)
{
    return rhs * int64x64_t(lhs);
}

/**
 * \brief Time divided by a floating-point number, as ns-3.37 computes it.
 * \param lhs the time
 * \param rhs the divisor
 * \return lhs / rhs
 */
template <class T>
typename std::enable_if<std::is_floating_point<T>::value, Time>::type
operator/(const Time& lhs, T rhs)
{
    return lhs / int64x64_t(rhs);
}
} // namespace ns3
#endif // PMIPV6_NS3_VERSION <= 331

#endif // PMIPV6_NS3_VERSION < 336

#endif // PMIPV6_NS3_COMPAT_H
