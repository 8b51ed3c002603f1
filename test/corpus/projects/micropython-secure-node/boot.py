# boot.py - no WebREPL in production images
import esp
import gc

esp.osdebug(None)
# import webrepl
# webrepl.start()
gc.collect()
