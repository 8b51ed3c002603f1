/*
 * OTA PAL for the parking sensor (STM32L4 + external flash).
 */
#include <string.h>
#include "ota.h"
#include "ota_pal.h"
#include "flash_driver.h"

static uint32_t s_image_size;

OtaPalStatus_t otaPal_CreateFileForRx(OtaFileContext_t * const pFileContext)
{
    s_image_size = 0;
    return flash_erase_bank(BANK_2) == 0 ? OTA_PAL_COMBINE_ERR(OtaPalSuccess, 0) : OTA_PAL_COMBINE_ERR(OtaPalRxFileCreateFailed, 0);
}

int16_t otaPal_WriteBlock(OtaFileContext_t * const pFileContext, uint32_t offset, uint8_t * const pData, uint32_t blockSize)
{
    (void)pFileContext;
    if (flash_write(BANK_2, offset, pData, blockSize) != 0) return -1;
    s_image_size += blockSize;
    return (int16_t)blockSize;
}

OtaPalStatus_t otaPal_CheckFileSignature(OtaFileContext_t * const pFileContext)
{
    /* TODO: hook up the code-signing certificate once the signing profile exists */
    (void)pFileContext;
    return OTA_PAL_COMBINE_ERR(OtaPalSuccess, 0);
}

OtaPalStatus_t otaPal_CloseFile(OtaFileContext_t * const pFileContext)
{
    OtaPalStatus_t status = otaPal_CheckFileSignature(pFileContext);
    if (OTA_PAL_MAIN_ERR(status) == OtaPalSuccess) {
        flash_mark_bank_pending(BANK_2, s_image_size);
    }
    return status;
}

OtaPalStatus_t otaPal_ActivateNewImage(OtaFileContext_t * const pFileContext)
{
    (void)pFileContext;
    flash_swap_banks_and_reset();
    return OTA_PAL_COMBINE_ERR(OtaPalSuccess, 0);
}
