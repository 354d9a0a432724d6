// P-256 key pairs over OpenSSL 3, as Web Push uses them: public keys as
// uncompressed points (65 bytes, 0x04 || X || Y), private keys kept as PEM.
#pragma once
#include <memory>
#include <string>
#include <string_view>

typedef struct evp_pkey_st EVP_PKEY;

namespace agora::push {

class P256Key {
 public:
  static P256Key generate();
  // Throws std::invalid_argument when the PEM holds no P-256 private key.
  static P256Key from_private_pem(std::string_view pem);
  // A key pair from its raw scalar and point (fixed keys of test vectors).
  static P256Key from_raw(std::string_view private_scalar, std::string_view public_point);
  // A public key alone; throws std::invalid_argument unless `point` is an
  // uncompressed point on the curve.
  static P256Key from_public_point(std::string_view point);

  std::string public_point() const;  // 65 bytes
  std::string private_pem() const;
  // ECDH with `peer`: the 32-byte shared X coordinate.
  std::string derive(const P256Key& peer) const;
  // ES256 as JWS wants it: SHA-256, then r || s (64 bytes).
  std::string sign_es256(std::string_view data) const;
  bool verify_es256(std::string_view data, std::string_view signature) const;

  EVP_PKEY* get() const { return key_.get(); }

 private:
  struct Free {
    void operator()(EVP_PKEY* k) const;
  };
  explicit P256Key(EVP_PKEY* key) : key_(key) {}
  std::unique_ptr<EVP_PKEY, Free> key_;
};

// True if `point` is an uncompressed P-256 point on the curve.
bool valid_public_point(std::string_view point);

}  // namespace agora::push
