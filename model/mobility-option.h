/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MOBILITY_OPTION_H
#define PMIPV6_MOBILITY_OPTION_H

#include "ns3/buffer.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Base class of every Mobility Header option and sub-option (RFC 6275 6.2).
 *
 * An option is Type (8) | Length (8, octets after these two) | data. A subclass writes and
 * reads only its data; framing, alignment and padding belong to MobilityOptionList.
 * Deserialization never trusts its input: DeserializeData is handed exactly the number of
 * octets the Length field announced, checked against the enclosing message, and returns false
 * with a reason when the data does not have the layout the option needs.
 */
class MobilityOption : public SimpleRefCount<MobilityOption>
{
  public:
    /**
     * \brief Alignment requirement "xn+y" of an option's Type octet, counted from the
     * start of the Mobility Header (RFC 6275 6.2).
     */
    struct Alignment
    {
        uint8_t factor; ///< x
        uint8_t offset; ///< y
    };

    virtual ~MobilityOption();

    /**
     * \brief The option's Type octet.
     * \return the type
     */
    virtual uint8_t GetType() const = 0;

    /**
     * \brief A short human-readable name, used by Print and in log lines.
     * \return the name
     */
    virtual std::string GetName() const = 0;

    /**
     * \brief The alignment the option requires; 1n+0 (none) unless overridden.
     * \return the alignment
     */
    virtual Alignment GetAlignment() const;

    /**
     * \brief Number of data octets (the value of the Length field).
     * \return the length, at most 255
     */
    virtual uint32_t GetDataLength() const = 0;

    /**
     * \brief Write the option's data (not Type and Length).
     * \param i where to write; advanced past the data
     */
    virtual void SerializeData(Buffer::Iterator& i) const = 0;

    /**
     * \brief Read the option's data.
     * \param i the first data octet; exactly \p length octets are readable from it
     * \param length the option's Length field
     * \param error set to a reason when the data is malformed
     * \return true when the data was understood
     */
    virtual bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) = 0;

    /**
     * \brief Print the option's fields.
     * \param os the output stream
     */
    virtual void Print(std::ostream& os) const = 0;

    /**
     * \brief Size of the whole option: 2 + GetDataLength().
     * \return the size in octets
     */
    uint32_t GetSerializedSize() const;

    /**
     * \brief Write Type, Length and data.
     * \param i where to write; advanced past the option
     */
    void Serialize(Buffer::Iterator& i) const;
};

/**
 * \brief Print an option.
 * \param os the output stream
 * \param option the option
 * \return the output stream
 */
std::ostream& operator<<(std::ostream& os, const MobilityOption& option);

/**
 * \ingroup pmipv6
 * \brief An option whose type the receiver does not know; kept as raw octets so that it can
 * be printed and written again unchanged (RFC 6275 6.2.1: unknown options are skipped).
 */
class UnknownMobilityOption : public MobilityOption
{
  public:
    /**
     * \brief Build an unknown option.
     * \param type the Type octet seen on the wire
     */
    explicit UnknownMobilityOption(uint8_t type = 255);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The raw data octets.
     * \return the octets
     */
    const std::vector<uint8_t>& GetData() const;
    /**
     * \brief Set the raw data octets.
     * \param data the octets (at most 255)
     */
    void SetData(const std::vector<uint8_t>& data);

  private:
    uint8_t m_type;              ///< the Type octet
    std::vector<uint8_t> m_data; ///< the data octets
};

/**
 * \ingroup pmipv6
 * \brief An ordered list of options: the part of a Mobility Header message (or of an
 * option that carries sub-options) after the fixed fields.
 *
 * On serialization it inserts Pad1/PadN in front of each option so that the option's Type
 * octet meets its alignment, and (for a message) pads the end so that the whole Mobility
 * Header is a multiple of 8 octets. On deserialization Pad1/PadN are consumed, known types
 * are built by the list's factory, unknown types are kept as UnknownMobilityOption, and any
 * overrun or malformed option rejects the list with a reason.
 */
class MobilityOptionList
{
  public:
    /// Builds an option object for a Type octet, or returns nullptr for an unknown type.
    typedef Ptr<MobilityOption> (*Factory)(uint8_t type);

    /**
     * \brief A list of Mobility Header options (factory: CreateMobilityOption), padded at
     * the end to a multiple of 8 octets.
     */
    MobilityOptionList();

    /**
     * \brief A list with its own factory, e.g. for the sub-options inside one option.
     * \param factory builds objects for known types
     * \param padEndTo8 pad the end so that offset + size is a multiple of 8
     * \param padOptions types 0 and 1 are Pad1 / PadN (RFC 6275 6.2) and alignment padding
     * is inserted; false for a sub-option space where 0 and 1 are ordinary types (e.g.
     * draft-sarikaya-netext-lma-init-flow-binding 7.2.2, draft-soliman-monami6-flow-binding
     * 3.2): then no padding is written or consumed, alignments are ignored, and \p padEndTo8
     * must be false
     */
    MobilityOptionList(Factory factory, bool padEndTo8, bool padOptions = true);

    /**
     * \brief Append an option.
     * \param option the option
     */
    void Add(Ptr<MobilityOption> option);
    /// \brief Remove every option.
    void Clear();
    /**
     * \brief Number of options (padding not counted).
     * \return the count
     */
    uint32_t GetCount() const;
    /**
     * \brief The options in wire order.
     * \return the options
     */
    const std::vector<Ptr<MobilityOption>>& GetOptions() const;

    /**
     * \brief First option of a class.
     * \return the option, or nullptr
     */
    template <typename T>
    Ptr<T> Find() const;

    /**
     * \brief Every option of a class, in wire order.
     * \return the options
     */
    template <typename T>
    std::vector<Ptr<T>> FindAll() const;

    /**
     * \brief Number of options whose Type octet is \p type.
     * \param type the type
     * \return the count
     */
    uint32_t CountType(uint8_t type) const;

    /**
     * \brief Serialized size including padding.
     * \param offset offset of the first option from the start of the Mobility Header
     * \return the size in octets
     */
    uint32_t GetSerializedSize(uint32_t offset) const;

    /**
     * \brief Write the options with their padding.
     * \param i where to write; advanced past the options
     * \param offset offset of \p i from the start of the Mobility Header
     */
    void Serialize(Buffer::Iterator& i, uint32_t offset) const;

    /**
     * \brief Read options from exactly \p length octets.
     * \param i the first octet
     * \param length number of octets that belong to the list (all readable)
     * \param error set to a reason on failure
     * \return true when every option was well formed
     */
    bool Deserialize(Buffer::Iterator i, uint32_t length, std::string& error);

    /**
     * \brief Print the options.
     * \param os the output stream
     */
    void Print(std::ostream& os) const;

    /**
     * \brief Number of padding octets needed at \p offset for an \p align x n + y position.
     * \param offset the current offset
     * \param align the alignment
     * \return octets of padding
     */
    static uint32_t PaddingFor(uint32_t offset, MobilityOption::Alignment align);

    /**
     * \brief Write \p n octets of padding (Pad1 for 1, PadN otherwise).
     * \param i where to write
     * \param n octets
     */
    static void WritePadding(Buffer::Iterator& i, uint32_t n);

  private:
    std::vector<Ptr<MobilityOption>> m_options; ///< the options
    Factory m_factory;                          ///< builds known options
    bool m_padEndTo8;                           ///< pad the end to a multiple of 8
    bool m_padOptions;                          ///< types 0 / 1 are Pad1 / PadN
};

/**
 * \ingroup pmipv6
 * \brief Build an empty Mobility Header option object for a Type octet.
 * \param type the Type octet
 * \return the option, or nullptr when the module does not know the type
 */
Ptr<MobilityOption> CreateMobilityOption(uint8_t type);

template <typename T>
Ptr<T>
MobilityOptionList::Find() const
{
    for (const auto& o : m_options)
    {
        T* t = dynamic_cast<T*>(PeekPointer(o));
        if (t != nullptr)
        {
            return Ptr<T>(t);
        }
    }
    return nullptr;
}

template <typename T>
std::vector<Ptr<T>>
MobilityOptionList::FindAll() const
{
    std::vector<Ptr<T>> result;
    for (const auto& o : m_options)
    {
        T* t = dynamic_cast<T*>(PeekPointer(o));
        if (t != nullptr)
        {
            result.push_back(Ptr<T>(t));
        }
    }
    return result;
}

} // namespace ns3

#endif /* PMIPV6_MOBILITY_OPTION_H */
