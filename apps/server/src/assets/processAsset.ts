import { createHash } from 'node:crypto'
import type { AssetContentType } from '@waardentafel/protocol'
import sharp, { type Metadata, type SharpOptions } from 'sharp'
import { AppError } from '../errors.ts'
import { sniffAsset } from './sniffAsset.ts'

/** Bounds on what an upload may become (config: `ASSET_MAX_PIXELS`, `ASSET_THUMB_PIXELS`, `ASSET_MAX_INPUT_PIXELS`). */
export type ImageLimits = {
  /** Longest side of the stored image; larger ones are downscaled. */
  maxPixels: number
  /** Longest side of the thumbnail. */
  thumbPixels: number
  /** Width × height a file may declare before it is decoded at all (a decompression bomb is refused unread). */
  maxInputPixels: number
}

/** An upload as it is stored: its bytes (re-encoded for images), their type, a thumbnail for images. */
export type ProcessedAsset = {
  id: string
  contentType: AssetContentType
  original: Uint8Array
  thumb: Uint8Array | null
  thumbType: AssetContentType | null
  w: number
  h: number
}

/** The first 32 hex digits of the SHA-256 of the stored bytes: the asset's id (content-addressed). */
export function assetId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32)
}

/**
 * Turns an upload into what is stored. The type comes from the bytes (`sniffAsset`); a PDF is kept as it is (the
 * browser renders its page to an image and uploads that as well). An image is decoded and encoded again with sharp:
 * turned upright by its EXIF orientation, downscaled to `maxPixels`, and written without any of its metadata (EXIF,
 * XMP, IPTC, GPS, ICC: sharp keeps none unless asked), so a phone photo's location never reaches the store. A GIF
 * becomes a PNG of its first frame. Anything that does not decode cleanly — a truncated JPEG, a file that only
 * starts like an image — is refused with 415 ASSET_TYPE_UNSUPPORTED; one declaring more than `maxInputPixels`
 * pixels with 413 ASSET_TOO_LARGE, before a pixel is decoded.
 */
export async function processAsset(input: Uint8Array, limits: ImageLimits): Promise<ProcessedAsset> {
  const kind = sniffAsset(input)
  if (kind === null) {
    throw new AppError(
      'ASSET_TYPE_UNSUPPORTED',
      'only PNG, JPEG, WebP and GIF images and PDF files are taken',
    )
  }
  if (kind === 'pdf') {
    return {
      id: assetId(input),
      contentType: 'application/pdf',
      original: input,
      thumb: null,
      thumbType: null,
      w: 0,
      h: 0,
    }
  }
  const options: SharpOptions = {
    limitInputPixels: limits.maxInputPixels,
    failOn: 'warning',
    animated: false,
  }
  let header: Metadata
  try {
    // Only the header is read here (no pixel is decoded), so the declared size can be judged by us, below.
    header = await sharp(input, { ...options, limitInputPixels: false }).metadata()
  } catch {
    throw new AppError('ASSET_TYPE_UNSUPPORTED', `the ${kind.toUpperCase()} file cannot be read`)
  }
  const declared = (header.width ?? 0) * (header.height ?? 0)
  if (declared > limits.maxInputPixels) {
    throw new AppError(
      'ASSET_TOO_LARGE',
      `an image of ${header.width}×${header.height} pixels is more than ${limits.maxInputPixels} pixels`,
    )
  }
  const contentType: AssetContentType =
    kind === 'jpeg' ? 'image/jpeg' : kind === 'webp' ? 'image/webp' : 'image/png'
  try {
    // Decoded, turned upright and downscaled once; the picture and its thumbnail are both encoded from these pixels.
    const { data: pixels, info: size } = await sharp(input, options)
      .rotate()
      .resize({ width: limits.maxPixels, height: limits.maxPixels, fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const raw = { raw: { width: size.width, height: size.height, channels: size.channels } }
    const picture = sharp(pixels, raw)
    // libjpeg-turbo, not mozjpeg: mozjpeg took 9× as long for a 20 MB photo (docs/performance.md).
    const encoded =
      contentType === 'image/jpeg'
        ? picture.jpeg({ quality: 85 })
        : contentType === 'image/webp'
          ? picture.webp({ quality: 85 })
          : picture.png({ compressionLevel: 6 })
    const [{ data, info }, thumb] = await Promise.all([
      encoded.toBuffer({ resolveWithObject: true }),
      sharp(pixels, raw)
        .resize({
          width: limits.thumbPixels,
          height: limits.thumbPixels,
          fit: 'inside',
          withoutEnlargement: true,
        })
        .webp({ quality: 75 })
        .toBuffer(),
    ])
    const original = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    return {
      id: assetId(original),
      contentType,
      original,
      thumb: new Uint8Array(thumb.buffer, thumb.byteOffset, thumb.byteLength),
      thumbType: 'image/webp',
      w: info.width,
      h: info.height,
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('ASSET_TYPE_UNSUPPORTED', `the ${kind.toUpperCase()} file cannot be decoded`)
  }
}
